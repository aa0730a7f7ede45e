import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { Citizen, FormDataXhr, type Json, spoken } from '../helpers/directLineClient';
import { seedTexts } from '../helpers/seedTexts';
import { freePort, type ServiceProcess, startService, waitForOk } from '../helpers/serviceProcess';
import { makeTempDir } from '../helpers/tempDir';

/**
 * The README's promise, checked on the service started as in production: a national ID is kept masked and a
 * PIN only as a keyed hash — in the database and its write-ahead log, in the officers' view, in what the
 * citizen's own client reads back, and in the logs. A citizen files one complaint with their ID and an
 * anonymous tip-off (which gives a PIN), tracks the tip-off with the PIN from another device, and asks for an
 * officer.
 */

/** A valid national ID, new for each run, so that finding it anywhere can only mean the service kept it. */
function randomNationalId(): string {
  const digits = [randomInt(1, 9), ...Array.from({ length: 11 }, () => randomInt(0, 10))];
  const sum = digits.reduce((total, digit, index) => total + digit * (13 - index), 0);
  return [...digits, (11 - (sum % 11)) % 10].join('');
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (digits: string) => digits.replace(/\d/g, (digit) => THAI_DIGITS[Number(digit)]);
const grouped = (id: string) => `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;

/** Every way the value could have been written down: digits (ASCII, Thai), and an ID's printed grouping. */
function forms(value: string): string[] {
  const all = [value, thai(value)];
  if (value.length === 13) all.push(grouped(value), grouped(value).replace(/-/g, ' '), thai(grouped(value)));
  return all;
}

/** Whether `bytes` hold `value` as a number of its own (not inside a longer run of digits). */
function holds(bytes: Buffer, value: string): boolean {
  const needle = Buffer.from(value, 'utf8');
  const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (!isDigit(bytes[at - 1]) && !isDigit(bytes[at + needle.length])) return true;
  }
  return false;
}

/** The files of the data directory that hold any form of any of the values. */
function filesHolding(dir: string, values: string[]): string[] {
  const found: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const bytes = fs.readFileSync(path.join(dir, name));
    for (const value of values) for (const form of forms(value)) if (holds(bytes, form)) found.push(`${name}: ${form}`);
  }
  return found;
}

jest.setTimeout(90_000);

describe('personal data in the service started as in production', () => {
  const saved = { XMLHttpRequest: Reflect.get(globalThis, 'XMLHttpRequest'), WebSocket: Reflect.get(globalThis, 'WebSocket') };
  let dir: string;
  let cleanup: () => void;
  let service: ServiceProcess | undefined;
  const citizens: Citizen[] = [];

  beforeAll(() => {
    Reflect.set(globalThis, 'XMLHttpRequest', FormDataXhr);
    Reflect.set(globalThis, 'WebSocket', WebSocket);
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(globalThis, name);
      else Reflect.set(globalThis, name, value);
    }
  });
  beforeEach(() => ({ dir, cleanup } = makeTempDir()));
  afterEach(async () => {
    for (const citizen of citizens.splice(0)) citizen.end();
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    cleanup();
  });

  test('a national ID and a PIN are never written down, and officers see the ID masked', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    service = startService({ PORT: String(port) }, dir);
    await waitForOk(`${base}/healthz`, 15_000);
    const dataDir = path.join(dir, 'data');
    const secret = (JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { directLineSecret: string }).directLineSecret;

    type Grant = { token: string; conversationId: string; userId: string };
    const newGrant = async () => (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as Grant;
    const grant = await newGrant();
    const connect = (resume = false, as: Grant = grant) => {
      const dl = new DirectLine({
        domain: `${base}/v3/directline`,
        token: as.token,
        webSocket: true,
        WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
        ...(resume ? { conversationId: as.conversationId, watermark: '0' } : {}),
      });
      const citizen = new Citizen(dl, as.userId, { base, conversationId: as.conversationId, secret, reads: 0 }, '');
      citizens.push(citizen);
      return citizen;
    };
    const citizen = connect();
    await citizen.waitForText(seedTexts.get('th', 'language.choose'));
    const t = (key: string, vars?: Record<string, string | number>) => seedTexts.get('th', key, vars);
    const sayAs = async (who: Citizen, text: string, expected?: string): Promise<{ own: Json; said: string }> => {
      let turn: { own: Json; said: string } | undefined;
      while (!turn) {
        try {
          turn = await who.turn(text);
        } catch (error) {
          // Faster than anyone types: the service's per-conversation limit (20 at once, then 1 a second) says wait.
          if (!String(error).includes('did not return a server id: retry')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1100));
        }
      }
      if (expected !== undefined && !turn.said.includes(expected)) throw new Error(`After "${text}" expected "${expected}" in:\n${turn.said}`);
      return turn;
    };
    const say = (text: string, expected?: string) => sayAs(citizen, text, expected);

    const id = randomNationalId();
    const typedId = grouped(id);
    const masked = `x-xxxx-xxxx${id.slice(9, 10)}-${id.slice(10, 12)}-${id[12]}`;

    // A complaint with the citizen's contact details and national ID.
    await say('ภาษาไทย', t('menu.prompt'));
    await say('ร้องเรียน / แจ้งเรื่อง', t('complaint.category.prompt'));
    await say('สาธารณูปโภค ถนน ไฟฟ้า ประปา', t('complaint.destination.prompt'));
    await say('อ.เมือง เชียงใหม่');
    await say('ใช่', t('complaint.subject.prompt', { min: 5, max: 150 }));
    await say('ถนนหน้าหมู่บ้านชำรุดเป็นหลุมลึก');
    await say('ถนนเป็นหลุมลึกมาสามเดือน รถจักรยานยนต์ล้มไปแล้วสองคัน');
    await say('ข้าม', t('complaint.place.prompt', { min: 3, max: 300 }));
    await say('หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่');
    await say('เมื่อวาน บ่ายสองโมง', t('complaint.name.prompt'));
    await say('สมชาย ใจดี', t('complaint.phone.prompt'));
    const phone = await say('+66 89 765 4321', t('complaint.email.prompt'));
    const email = await say('somchai.j@example.com', t('complaint.nationalId.prompt'));
    const idTurn = await say(typedId, t('complaint.consent.prompt', { privacyUrl: `${base}/privacy` }));
    const summary = await say('ยินยอม', t('complaint.summary.title'));
    await say('ยืนยันส่งเรื่อง', t('receipt.title'));

    // The citizen's own messages come back to their client masked, as the log keeps them.
    expect(phone.own.text).toBe('08x-xxx-4321');
    expect(email.own.text).toBe('s•••@example.com');
    expect(idTurn.own.text).toBe(masked);
    // The summary shows them their phone and e-mail to check, as they typed them.
    expect(summary.said).toContain('089-765-4321');
    expect(summary.said).toContain('somchai.j@example.com');

    // An anonymous tip-off: the receipt shows a PIN, once.
    await say('ร้องเรียน / แจ้งเรื่อง', t('complaint.category.prompt'));
    await say('3');
    await say('ศูนย์กลางและหน่วยงานที่เชื่อมต่อ');
    await say('ศูนย์ดำรงธรรมกระทรวงมหาดไทย', t('complaint.subject.prompt', { min: 5, max: 150 }));
    await say('มีบ่อนการพนันเปิดทุกคืน');
    await say('มีบ่อนการพนันเปิดในบ้านร้างท้ายซอย มีคนเข้าออกทั้งคืน');
    await say('ข้าม');
    await say('ซอย 5 ถนนสุขุมวิท');
    await say('ไม่ทราบ', t('complaint.contactMode.prompt'));
    await say('ไม่ระบุตัวตน', t('complaint.consent.prompt', { privacyUrl: `${base}/privacy` }));
    await say('ยินยอม', t('complaint.summary.title'));
    const receipt = await say('ยืนยันส่งเรื่อง', t('receipt.nextAnonymous'));
    const tracking = /DD-\d{4}-[0-9A-Z]{7}/.exec(receipt.said)?.[0] as string;
    const pin = /(?<!\d)(\d{6})(?!\d)/.exec(receipt.said.replace(tracking, ''))?.[1] as string;
    expect(tracking).toBeDefined();
    expect(pin).toMatch(/^\d{6}$/);

    // On this channel their own complaints need no check; from another device (a conversation of its own) the
    // tip-off is tracked by number and PIN: a wrong PIN, then the right one typed in Thai digits.
    await say('ติดตามเรื่อง', t('track.own.prompt'));
    await say('ติดตามด้วยเลขที่เรื่อง', t('track.number.prompt'));
    await say(tracking, t('status.title', { number: tracking }));
    const elsewhere = connect(false, await newGrant());
    await elsewhere.waitForText(seedTexts.get('th', 'language.choose'));
    await sayAs(elsewhere, 'ภาษาไทย', t('menu.prompt'));
    await sayAs(elsewhere, `ติดตามเรื่อง ${tracking}`, t('track.check.prompt'));
    const wrong = pin === '000000' ? '111111' : '000000';
    const wrongTurn = await sayAs(elsewhere, wrong);
    expect(wrongTurn.own.text).toBe('••••••');
    const right = await sayAs(elsewhere, thai(pin), t('status.title', { number: tracking }));
    expect(right.own.text).toBe('••••••');

    // Then an officer, for the tip-off's centre: in office hours the citizen is queued and may write on, after
    // them they are asked for their question. Either way they write, giving their ID again.
    const asked = await say('คุยกับเจ้าหน้าที่', t('handoff.centre.prompt'));
    expect(asked.said).toContain(tracking);
    await say('1');
    const question = await say(`ขอสอบถามความคืบหน้าค่ะ เลขบัตร ${typedId}`);
    expect(question.own.text).toBe(`ขอสอบถามความคืบหน้าค่ะ เลขบัตร ${masked}`);

    // The officers' view: the first admin signs in, sets a password and reads the conversation.
    const otp = /One-time password: (\S+)/.exec(service.stderr())?.[1] as string;
    const signIn = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: otp }) });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const officer = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const changed = await fetch(`${base}/api/officer/password`, { method: 'POST', headers: officer, body: JSON.stringify({ current: otp, next: 'a-new-long-password-42' }) });
    expect(changed.status).toBe(204);
    const queue = (await (await fetch(`${base}/api/officer/queue`, { headers: officer })).json()) as { items: Array<{ id: string; complaintId?: string }> };
    const item = queue.items.find((entry) => entry.complaintId === tracking);
    expect(item).toBeDefined();
    const view = await (await fetch(`${base}/api/officer/conversations/${item?.id}`, { headers: officer })).text();
    const messages = (JSON.parse(view) as { messages: Array<{ speaker: string; text?: string }> }).messages;
    // What the bot was told earlier is there, masked: the officer sees the last four digits, never the ID or PIN.
    expect(messages.some((message) => message.speaker === 'citizen' && message.text?.endsWith(`เลขบัตร ${masked}`))).toBe(true);
    expect(messages.some((message) => message.speaker === 'bot' && message.text?.includes('••••••'))).toBe(true);
    for (const form of [...forms(id), ...forms(pin)]) expect(view).not.toContain(form);
    const complaint = (await (await fetch(`${base}/api/officer/complaints/${tracking}`, { headers: officer })).text());
    for (const form of [...forms(id), ...forms(pin)]) expect(complaint).not.toContain(form);

    // What the citizen's own client reads back when it reconnects: everything masked, the PIN hidden.
    const again = connect(true);
    const last = citizen.inbox[citizen.inbox.length - 1];
    await again.waitFor('the whole conversation replayed', () => (again.inbox.some((activity) => activity.id === last.id) ? true : undefined));
    const replayed = JSON.stringify(again.inbox.map((activity) => ({ text: activity.text, said: spoken(activity), attachments: activity.attachments })));
    for (const form of [...forms(id), ...forms(pin)]) expect(replayed).not.toContain(form);
    expect(replayed).toContain(masked);
    expect(replayed).not.toContain('089-765-4321');
    expect(replayed).not.toContain('089\\\\-765\\\\-4321');
    expect(replayed).not.toContain('somchai');

    // Every file of the data directory, the write-ahead log included, while the service runs and after it stopped.
    expect(fs.readdirSync(dataDir)).toEqual(expect.arrayContaining(['store.sqlite', 'store.sqlite-wal']));
    expect(filesHolding(dataDir, [id, pin])).toEqual([]);
    service.child.kill('SIGTERM');
    expect((await service.exited).code).toBe(0);
    expect(filesHolding(dataDir, [id, pin])).toEqual([]);
    // Nor in the logs.
    for (const form of [...forms(id), ...forms(pin)]) {
      expect(service.stdout()).not.toContain(form);
      expect(service.stderr()).not.toContain(form);
    }
  });
});
