import { createServer as createHttpServer, globalAgent, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { type Activity as ClientActivity, DirectLine } from 'botframework-directlinejs';
import { AsyncAction } from 'rxjs/scheduler/AsyncAction';
import { AsyncScheduler } from 'rxjs/scheduler/AsyncScheduler';
import type { Subscription } from 'rxjs/Subscription';
import { WebSocket } from 'ws';
import { PRIVACY_PATH } from '../../../../bot/web/privacy';
import { COMPLAINTS_COLLECTION } from '../../../../lib/complaints/service';
import type { ComplaintDocument } from '../../../../lib/complaints/types';
import { loadConfig } from '../../../../lib/config';
import { loadSecrets } from '../../../../lib/secrets';
import { seedTexts } from '../../../helpers/seedTexts';
import { makeTempDir } from '../../../helpers/tempDir';
import { buildTestApp, type TestApp } from '../../../helpers/testApp';

/**
 * Microsoft's own Direct Line client, botframework-directlinejs (what Web Chat runs on), talking to the
 * service in Node, over the WebSocket stream and over polling: if it works here unchanged, Web Chat works.
 *
 * What directlinejs needs in Node, and why:
 * - XMLHttpRequest (rxjs 5's ajax, which every REST call goes through): xhr2 provides it, but xhr2 0.2.1
 *   throws "Unsupported send() data [object FormData]" for the FormData body of an upload. FormDataXhr below
 *   encodes the FormData with the platform's own multipart encoder (the Fetch API's Request) and hands xhr2
 *   the bytes and the boundary, which is what a browser's XMLHttpRequest does with FormData; everything else
 *   is xhr2 unchanged. The client's own code path (GET the contentUrl, FormData, POST /upload) is untouched.
 * - WebSocket: directlinejs takes the implementation from its options (`WebSocket`), but it decides whether to
 *   use a socket at all with `typeof WebSocket !== 'undefined'` on the global. Node 20 has no global
 *   WebSocket, so with only the option it silently falls back to polling; the global is set as well.
 * - FormData and Blob (uploads): Node 20's globals are used as they are.
 */

interface NodeXhr {
  send(body?: unknown): void;
  setRequestHeader(name: string, value: string): void;
}
// xhr2 ships no type declarations; this is the part of its XMLHttpRequest the shim touches.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Xhr2 = require('xhr2') as new () => NodeXhr;

class FormDataXhr extends Xhr2 {
  override send(body?: unknown): void {
    if (!(body instanceof FormData)) {
      super.send(body);
      return;
    }
    const encoded = new Request('http://127.0.0.1/', { method: 'POST', body });
    void encoded.arrayBuffer().then((bytes) => {
      this.setRequestHeader('Content-Type', encoded.headers.get('content-type') ?? 'multipart/form-data');
      super.send(Buffer.from(bytes));
    });
  }
}

/**
 * An rxjs scheduler on which every delay passes 1000 times faster: directlinejs refreshes its token every
 * 15 minutes on its scheduler, which becomes 0.9 s here. Only the client's timers are sped up; the service's
 * clock is the test's own. (rxjs 5 is directlinejs's own dependency, and its `scheduler` option takes an rxjs 5
 * scheduler, so the classes come from there.)
 */
const TIME_SCALE = 1000;
class FastAction<T> extends AsyncAction<T> {
  protected override requestAsyncId(scheduler: AsyncScheduler, id?: unknown, delay = 0): unknown {
    return super.requestAsyncId(scheduler, id, delay / TIME_SCALE);
  }
}
const fastScheduler = () => new AsyncScheduler(FastAction);

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

// ---------------------------------------------------------------------------------------------------------
// Reading activities as the JSON they are on the wire.

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const idOf = (activity: Json): string => asString(activity.id) ?? '';
const seqOf = (id: string): number => Number(id.split('|')[1]);
const roleOf = (activity: Json): string | undefined => asString(asObject(activity.from)?.role);
/** What an activity says: its text and its card's plain-text fallback. */
function spoken(activity: Json): string {
  const attachments = Array.isArray(activity.attachments) ? (activity.attachments as unknown[]) : [];
  const fallback = asString(asObject(asObject(attachments[0])?.content)?.fallbackText);
  return [asString(activity.text), fallback].filter(Boolean).join('\n');
}

interface Rest {
  base: string;
  conversationId: string;
  /** The Direct Line secret: the test's own view of the log, independent of the token the client holds. */
  secret: string;
  /** How many times the test read the log itself, to tell its reads from the client's in the request log. */
  reads: number;
}

async function restActivities(rest: Rest, watermark: number): Promise<Json[]> {
  rest.reads += 1;
  const response = await fetch(`${rest.base}/v3/directline/conversations/${rest.conversationId}/activities?watermark=${watermark}`, {
    headers: { authorization: `Bearer ${rest.secret}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { activities: Json[] };
  return body.activities;
}

/** Connections Node's HTTP client (which xhr2 uses) holds open to an origin. */
function connectionsTo(base: string): number {
  const { host } = new URL(base);
  const count = (pool: NodeJS.ReadOnlyDict<unknown[]>) => Object.entries(pool).filter(([name]) => name.startsWith(`${host}:`)).reduce((sum, [, sockets]) => sum + (sockets?.length ?? 0), 0);
  return count(globalAgent.sockets) + count(globalAgent.freeSockets);
}

/** A text, or the test photo (served at photoUrl) under a file name. */
type Send = string | { photoName: string };

/** One citizen's directlinejs client, with everything it received. */
class Citizen {
  readonly inbox: Json[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Subscription;
  private failure: unknown;
  private sent = 0;

  constructor(readonly dl: DirectLine, readonly userId: string, readonly rest: Rest, private readonly photoUrl: string) {
    this.subscription = dl.activity$.subscribe({
      next: (activity: ClientActivity) => {
        this.inbox.push(activity as unknown as Json);
        for (const listener of this.listeners) listener();
      },
      error: (error: unknown) => {
        this.failure = error;
        for (const listener of this.listeners) listener();
      },
    });
  }

  /** Resolves with the probe's value once it has one, checking after each activity received and every 20 ms (for probes of other things). */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure !== undefined) return finish(() => reject(new Error(`the client failed while waiting for ${what}: ${String(this.failure)}`)));
        const value = probe();
        if (value !== undefined) finish(() => resolve(value));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}; received:\n${this.inbox.map((a) => `${idOf(a)} ${roleOf(a)}: ${spoken(a).slice(0, 80)}`).join('\n')}`))), timeoutMs);
      const poll = setInterval(check, 20);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  waitForText(text: string): Promise<Json> {
    return this.waitFor(`"${text.slice(0, 40)}"`, () => this.inbox.find((activity) => roleOf(activity) === 'bot' && spoken(activity).includes(text)));
  }

  /** Posts as Web Chat does (with a client activity id); resolves with the server's id for it. */
  async post(send: Send): Promise<{ id: string; clientActivityID: string }> {
    this.sent += 1;
    const clientActivityID = `client-${this.sent}`;
    const base = { type: 'message' as const, from: { id: this.userId, role: 'user' as const }, channelData: { clientActivityID }, locale: 'th-TH' };
    const activity: ClientActivity = typeof send === 'string'
      ? { ...base, text: send, textFormat: 'plain' }
      : { ...base, attachments: [{ contentType: 'image/png', contentUrl: this.photoUrl, name: send.photoName }] };
    const result: unknown = await this.dl.postActivity(activity).toPromise();
    const id = asString(result);
    if (!id || !new RegExp(`^${this.rest.conversationId}\\|\\d{7}$`).test(id)) throw new Error(`postActivity did not return a server id: ${String(result)}`);
    return { id, clientActivityID };
  }

  /**
   * One turn: the message, then every reply of the bot to it, as this client received them. The service answers
   * a post once the turn is over, so the log after the message's number holds exactly the turn's replies; the
   * client must receive each of them, identical.
   */
  async turn(send: Send): Promise<{ own: Json; replies: Json[]; said: string }> {
    const { id, clientActivityID } = await this.post(send);
    const logged = await restActivities(this.rest, seqOf(id) - 1);
    expect(idOf(logged[0])).toBe(id);
    const ids = logged.map(idOf);
    const received = await this.waitFor(`the replies to ${id}`, () => {
      const found = ids.map((wanted) => this.inbox.find((activity) => idOf(activity) === wanted));
      return found.every((activity) => activity !== undefined) ? (found as Json[]) : undefined;
    });
    expect(received).toEqual(logged);
    const [own, ...replies] = received;
    expect(own).toMatchObject({ from: { id: this.userId, role: 'user' }, channelData: { clientActivityID } });
    expect(replies.every((reply) => roleOf(reply) === 'bot')).toBe(true);
    return { own, replies, said: replies.map(spoken).join('\n---\n') };
  }

  end(): void {
    this.subscription.unsubscribe();
    this.dl.end();
  }
}

// ---------------------------------------------------------------------------------------------------------

interface Step {
  send: Send;
  /** Content keys (Thai) whose texts must all be in the turn's replies. */
  expect: string[];
  vars?: Record<string, string | number>;
}

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

async function runSteps(citizen: Citizen, steps: Step[]): Promise<Array<{ own: Json; said: string }>> {
  const turns = [];
  for (const step of steps) {
    const result = await citizen.turn(step.send);
    for (const key of step.expect) {
      const expected = seedTexts.get('th', key, step.vars);
      if (!result.said.includes(expected)) throw new Error(`After ${JSON.stringify(typeof step.send === 'string' ? step.send : step.send.photoName)} expected "${key}" (${expected}) in:\n${result.said}`);
    }
    turns.push(result);
  }
  return turns;
}

/** What every activity a client received must satisfy, whoever sent it. */
function checkInbox(citizen: Citizen, conversationId: string): void {
  const ids = citizen.inbox.map(idOf);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.map(seqOf)).toEqual([...ids.map(seqOf)].sort((a, b) => a - b));
  for (const activity of citizen.inbox) {
    expect(idOf(activity)).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));
    const timestamp = asString(activity.timestamp) ?? '';
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(asObject(activity.conversation)?.id).toBe(conversationId);
    if (roleOf(activity) === 'user') {
      expect(asObject(activity.from)?.id).toBe(citizen.userId);
      expect(asString(asObject(activity.channelData)?.clientActivityID)).toMatch(/^client-/);
    }
  }
}

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

    const turns = await runSteps(citizen, complaintSteps(`${loadConfig({ DATA_DIR: t.dataDir }).publicUrl}${PRIVACY_PATH}`));

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
    const steps = complaintSteps(`${loadConfig({ DATA_DIR: dir }).publicUrl}${PRIVACY_PATH}`);
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
