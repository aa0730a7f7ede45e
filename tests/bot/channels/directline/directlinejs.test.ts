import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { DirectLine } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { PRIVACY_PATH } from '../../../../bot/web/privacy';
import { COMPLAINTS_COLLECTION } from '../../../../lib/complaints/service';
import type { ComplaintDocument } from '../../../../lib/complaints/types';
import { loadConfig } from '../../../../lib/config';
import { loadSecrets } from '../../../../lib/secrets';
import { asObject, checkInbox, Citizen, connectionsTo, fastScheduler, FormDataXhr, idOf, type Json, restActivities, roleOf, runSteps, seqOf, type Step } from '../../../helpers/directLineClient';
import { seedTexts } from '../../../helpers/seedTexts';
import { makeTempDir } from '../../../helpers/tempDir';
import { buildTestApp, type TestApp } from '../../../helpers/testApp';

/**
 * Microsoft's own Direct Line client, botframework-directlinejs (what Web Chat runs on), talking to the
 * service in Node, over the WebSocket stream and over polling: if it works here unchanged, Web Chat works.
 * (tests/helpers/directLineClient.ts says what it needs in Node.)
 */

/** The service's clock: Monday 23 November 2026, 10:00 in Bangkok, moved by hand. */
class Clock {
  constructor(public ms = Date.UTC(2026, 10, 23, 3, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A real image: an 8×8 RGB PNG, built chunk by chunk (length, type, data, CRC-32) with zlib for the pixels.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  const rows = Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 32, y * 32, 128]).flat()]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTO = png(8, 8);

function complaintSteps(privacyUrl: string): Step[] {
  return [
    { send: 'ภาษาไทย', expect: ['language.set', 'menu.prompt'] },
    { send: 'ร้องเรียน / แจ้งเรื่อง', expect: ['complaint.intro', 'complaint.category.prompt'] },
    { send: 'สาธารณูปโภค ถนน ไฟฟ้า ประปา', expect: ['complaint.destination.prompt'] },
    { send: 'อ.เมือง เชียงใหม่', expect: [] },
    { send: 'ใช่', expect: ['complaint.subject.prompt'], vars: { min: 5, max: 150 } },
    { send: 'ถนนหน้าหมู่บ้านชำรุดเป็นหลุมลึก', expect: ['complaint.description.prompt'], vars: { max: 3000 } },
    { send: 'ถนนเป็นหลุมลึกมาสามเดือน รถจักรยานยนต์ล้มไปแล้วสองคัน', expect: ['complaint.attachments.prompt'], vars: { max: 5 } },
    { send: { photoName: 'ถนนชำรุด.png' }, expect: ['complaint.attachments.added'], vars: { count: 1, max: 5 } },
    { send: 'เสร็จแล้ว', expect: ['complaint.place.prompt'], vars: { min: 3, max: 300 } },
    { send: 'หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่', expect: ['complaint.when.prompt'] },
    { send: 'เมื่อวาน บ่ายสองโมง', expect: ['complaint.name.prompt'] },
    { send: 'สมชาย ใจดี', expect: ['complaint.phone.prompt'] },
    { send: '+66 81 234 5678', expect: ['complaint.email.prompt'] },
    { send: 'ข้าม', expect: ['complaint.nationalId.prompt'] },
    { send: '1-1017-00230-70-8', expect: ['complaint.consent.prompt'], vars: { privacyUrl } },
    { send: 'ยินยอม', expect: ['complaint.summary.title', 'complaint.summary.prompt'] },
    { send: 'ยืนยันส่งเรื่อง', expect: ['receipt.title', 'receipt.next', 'menu.anythingElse'] },
  ];
}
const PHOTO_STEP = 7;

// A whole complaint is 17 turns; over polling each waits for the next poll (200 ms at the fastest).
jest.setTimeout(60_000);

const MODES = [
  { mode: 'the WebSocket stream', webSocket: true },
  { mode: 'polling', webSocket: false },
] as const;

describe.each(MODES)('botframework-directlinejs over $mode', ({ webSocket }) => {
  let photoServer: HttpServer;
  let photoUrl: string;
  const saved: Record<string, unknown> = { XMLHttpRequest: Reflect.get(globalThis, 'XMLHttpRequest'), WebSocket: Reflect.get(globalThis, 'WebSocket') };

  beforeAll(async () => {
    Reflect.set(globalThis, 'XMLHttpRequest', FormDataXhr);
    Reflect.set(globalThis, 'WebSocket', WebSocket);
    // Where the citizen's photo is before it is sent: in Web Chat a blob: URL, here a loopback server.
    photoServer = createHttpServer((req, res) => {
      // Not chained: restify replaces ServerResponse.prototype.writeHead with one that does not return `this`.
      if (req.url !== '/road.png') {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PHOTO.length });
      res.end(PHOTO);
    });
    await new Promise<void>((resolve) => photoServer.listen(0, '127.0.0.1', resolve));
    photoUrl = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}/road.png`;
  });
  afterAll(async () => {
    photoServer.closeAllConnections();
    await new Promise((resolve) => photoServer.close(resolve));
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(globalThis, name);
      else Reflect.set(globalThis, name, value);
    }
  });

  let clock: Clock;
  const apps: TestApp[] = [];
  const citizens: Citizen[] = [];
  const cleanups: Array<() => void> = [];
  beforeEach(() => {
    clock = new Clock();
  });
  afterEach(async () => {
    for (const citizen of citizens.splice(0)) citizen.end();
    for (const app of apps.splice(0)) await app.close();
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function startApp(dataDir?: string, port?: number, env: Record<string, string> = {}): Promise<{ t: TestApp; base: string; secret: string }> {
    const t = await buildTestApp(env, { now: clock.now, ...(dataDir ? { dataDir } : {}) });
    apps.push(t);
    const base = await t.listen(port);
    return { t, base, secret: loadSecrets(t.dataDir, {}).directLineSecret };
  }

  async function chatToken(base: string): Promise<{ token: string; conversationId: string; userId: string }> {
    const response = await fetch(`${base}/api/directline/token`, { method: 'POST' });
    expect(response.status).toBe(200);
    return (await response.json()) as { token: string; conversationId: string; userId: string };
  }

  function connect(base: string, secret: string, grant: { token: string; conversationId: string; userId: string }, extra: { watermark?: number; resume?: boolean; fast?: boolean } = {}): Citizen {
    const dl = new DirectLine({
      domain: `${base}/v3/directline`,
      token: grant.token,
      webSocket,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      pollingInterval: 200,
      ...(extra.resume ? { conversationId: grant.conversationId } : {}),
      ...(extra.watermark !== undefined ? { watermark: String(extra.watermark) } : {}),
      ...(extra.fast ? { scheduler: fastScheduler() } : {}),
    });
    const citizen = new Citizen(dl, grant.userId, { base, conversationId: grant.conversationId, secret, reads: 0 }, photoUrl);
    citizens.push(citizen);
    return citizen;
  }

  async function welcomed(citizen: Citizen): Promise<void> {
    await citizen.waitForText(seedTexts.get('th', 'welcome'));
    await citizen.waitForText(seedTexts.get('en', 'welcome'));
    await citizen.waitForText(seedTexts.get('th', 'language.choose'));
  }

  test('with the chat page\'s token: the welcome, a whole complaint with a photo, and the receipt with its tracking number', async () => {
    const { t, base, secret } = await startApp();
    const grant = await chatToken(base);
    const citizen = connect(base, secret, grant);
    await welcomed(citizen);

    // PUBLIC_URL is unset: the privacy notice is linked on the address the citizen's client used, not the configured default.
    expect(loadConfig({ DATA_DIR: t.dataDir }).publicUrl).not.toBe(base);
    const turns = await runSteps(citizen, complaintSteps(`${base}${PRIVACY_PATH}`));

    const receipt = turns[turns.length - 1].said;
    const tracking = /DD-\d{4}-[0-9A-Z]{7}/.exec(receipt)?.[0];
    expect(tracking).toBeDefined();
    const complaint = await t.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).findOne({ _id: tracking as string });
    expect(complaint).toMatchObject({ status: 'received', categoryId: 'utilities', contact: { phone: '0812345678' } });

    // The photo went up through /upload and is attached to the complaint as the link the service made for it.
    const photoActivity = turns[PHOTO_STEP].own;
    const attachments = photoActivity.attachments as Array<{ contentType: string; contentUrl: string; name: string }>;
    expect(attachments).toEqual([{ contentType: 'image/png', name: 'ถนนชำรุด.png', contentUrl: expect.stringMatching(new RegExp(`^${base}/v3/directline/conversations/${grant.conversationId}/files/[A-Za-z0-9_-]+\\?t=`)) }]);
    expect(complaint?.attachments).toEqual([{ kind: 'image', url: attachments[0].contentUrl, contentType: 'image/png', name: 'ถนนชำรุด.png' }]);
    const file = await fetch(attachments[0].contentUrl);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PHOTO)).toBe(true);

    checkInbox(citizen, grant.conversationId);
    // The whole conversation reached the client: the log and the inbox are the same, in the same order.
    expect(citizen.inbox).toEqual(await restActivities(citizen.rest, 0));
    // And it came the way it was asked for: over the stream the client never polls.
    const reads = t.logs.lines().filter((line) => line.msg === 'request' && line.method === 'GET' && String(line.path).endsWith('/activities')).length;
    if (webSocket) expect(reads).toBe(citizen.rest.reads);
    else expect(reads).toBeGreaterThan(citizen.rest.reads + 10);
  });

  test('with a token generated from the Direct Line secret: the conversation starts and the bot answers', async () => {
    const { base, secret } = await startApp();
    const response = await fetch(`${base}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: 'dl_citizen-42' } }),
    });
    expect(response.status).toBe(200);
    const generated = (await response.json()) as { conversationId: string; token: string; expires_in: number };
    expect(generated.expires_in).toBe(1800);
    const citizen = connect(base, secret, { ...generated, userId: 'dl_citizen-42' });
    await welcomed(citizen);
    const { own, said } = await citizen.turn('English');
    expect(own).toMatchObject({ conversation: { id: generated.conversationId }, from: { id: 'dl_citizen-42' } });
    expect(said).toContain(seedTexts.get('en', 'language.set'));
    checkInbox(citizen, generated.conversationId);
  });

  test('a photo past the conversation\'s quota: the client\'s send fails for good (a 413, which Web Chat shows as not sent), and the bot says why', async () => {
    const { base, secret } = await startApp(undefined, undefined, { UPLOAD_QUOTA_CONVERSATION_FILES: '2' });
    const grant = await chatToken(base);
    const citizen = connect(base, secret, grant);
    await welcomed(citizen);
    await citizen.post({ photoName: 'one.png' });
    await citizen.post({ photoName: 'two.png' });
    const failure: unknown = await citizen.post({ photoName: 'three.png' }).then(() => undefined, (error: unknown) => error);
    expect((failure as { status?: unknown } | undefined)?.status).toBe(413);
    await citizen.waitForText(seedTexts.get('th', 'upload.refused.conversation', { files: 2, mb: 50 }));
    const logged = await restActivities(citizen.rest, 0);
    expect(logged.filter((activity) => roleOf(activity) === 'user' && Array.isArray(activity.attachments))).toHaveLength(2);
    checkInbox(citizen, grant.conversationId);
  });

  test('reconnecting with a watermark delivers only what came after it, then the conversation goes on', async () => {
    const { base, secret } = await startApp();
    const grant = await chatToken(base);
    const first = connect(base, secret, grant);
    await welcomed(first);
    await first.turn('ภาษาไทย');
    const watermark = Math.max(...first.inbox.map((activity) => seqOf(idOf(activity))));
    first.end();

    // Meanwhile the citizen goes on from another tab: the bot answers there.
    const elsewhere = await fetch(`${base}/v3/directline/conversations/${grant.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${grant.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'ร้องเรียน / แจ้งเรื่อง', from: { id: grant.userId }, channelData: { clientActivityID: 'client-other-tab-1' } }),
    });
    expect(elsewhere.status).toBe(200);
    const missed = await restActivities(first.rest, watermark);
    expect(missed.length).toBeGreaterThanOrEqual(2);

    const second = connect(base, secret, grant, { resume: true, watermark });
    const lastMissed = idOf(missed[missed.length - 1]);
    await second.waitFor('the missed activities', () => (second.inbox.some((activity) => idOf(activity) === lastMissed) ? true : undefined));
    expect(second.inbox).toEqual(missed);
    expect(second.inbox.every((activity) => seqOf(idOf(activity)) > watermark)).toBe(true);

    const { said } = await second.turn('สาธารณูปโภค ถนน ไฟฟ้า ประปา');
    expect(said).toContain(seedTexts.get('th', 'complaint.destination.prompt'));
    checkInbox(second, grant.conversationId);
  });

  test('directlinejs refreshes its token and goes on past the first token\'s expiry; the expired token gets 403 TokenExpired', async () => {
    const { t, base, secret } = await startApp();
    const grant = await chatToken(base);
    const citizen = connect(base, secret, grant, { fast: true });
    await welcomed(citizen);

    const refreshes = () => t.logs.lines().filter((line) => line.msg === 'request' && line.path === '/v3/directline/tokens/refresh' && line.status === 200).length;
    clock.advance(20 * 60 * 1000);
    const before = refreshes();
    // Two refreshes after the clock moved: at least one was certainly signed at the new time.
    await citizen.waitFor('two token refreshes', () => (refreshes() >= before + 2 ? true : undefined));
    clock.advance(20 * 60 * 1000);

    // 40 minutes in: every token issued at the start has expired, the refreshed one has not.
    const expired = await fetch(`${base}/v3/directline/conversations/${grant.conversationId}/activities`, { headers: { authorization: `Bearer ${grant.token}` } });
    expect(expired.status).toBe(403);
    expect(await expired.json()).toEqual({ error: { code: 'TokenExpired', message: expect.any(String) } });
    const lateRefresh = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${grant.token}` } });
    expect(lateRefresh.status).toBe(403);
    expect(((await lateRefresh.json()) as { error: { code: string } }).error.code).toBe('TokenExpired');

    const { said } = await citizen.turn('ภาษาไทย');
    expect(said).toContain(seedTexts.get('th', 'language.set'));
    checkInbox(citizen, grant.conversationId);
  });

  test('a restart in the middle of a complaint loses nothing: reconnected with its watermark, the client is answered and the history is intact', async () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const first = await startApp(dir);
    const port = Number(new URL(first.base).port);
    const grant = await chatToken(first.base);
    const before = connect(first.base, first.secret, grant);
    await welcomed(before);
    const steps = complaintSteps(`${first.base}${PRIVACY_PATH}`);
    const turns = await runSteps(before, steps.slice(0, PHOTO_STEP + 1));
    const history = await restActivities(before.rest, 0);
    expect(before.inbox).toEqual(history);
    const watermark = seqOf(idOf(history[history.length - 1]));
    before.end();
    await first.t.close();
    // The service closed its connections, but this process's HTTP client learns it only when it handles the
    // FIN; until then it would reuse a pooled connection to the old server, fail, and directlinejs would
    // retry only after its 20 s timeout. (A browser retries such a request by itself; Node's agent does not.)
    // A real restart takes longer than that; here the test waits for the pool to drop the old connections.
    await before.waitFor('the client to drop its connections to the old server', () => (connectionsTo(first.base) === 0 ? true : undefined));

    // The same data dir and address: what a `systemctl restart` looks like to the citizen.
    const second = await startApp(dir, port);
    expect(second.base).toBe(first.base);
    const after = connect(second.base, second.secret, grant, { resume: true, watermark });
    const rest = await runSteps(after, steps.slice(PHOTO_STEP + 1));
    expect(after.inbox.every((activity) => seqOf(idOf(activity)) > watermark)).toBe(true);
    checkInbox(after, grant.conversationId);

    const all = await restActivities(after.rest, 0);
    expect(all.slice(0, history.length)).toEqual(history);
    expect(all.slice(history.length)).toEqual(after.inbox);
    expect(all.map((activity) => seqOf(idOf(activity)))).toEqual(all.map((_, index) => index + 1));

    // The dialog state survived too: the complaint filed after the restart has the photo sent before it.
    const tracking = /DD-\d{4}-[0-9A-Z]{7}/.exec(rest[rest.length - 1].said)?.[0] as string;
    const complaint = await second.t.store.collection<ComplaintDocument>(COMPLAINTS_COLLECTION).findOne({ _id: tracking });
    const photoUrl = ((turns[PHOTO_STEP].own.attachments as Array<{ contentUrl: string }>)[0]).contentUrl;
    expect(complaint?.attachments).toEqual([expect.objectContaining({ kind: 'image', url: photoUrl })]);
    const file = await fetch(photoUrl);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PHOTO)).toBe(true);
  });
});
