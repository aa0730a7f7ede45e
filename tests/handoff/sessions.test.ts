import { spawn } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { ACCOUNT_CHANGED, ATTENDED_FRAME, MAX_SOCKETS_PER_SESSION, SESSION_ENDED } from '../../handoff/hub';
import { incomingMessage } from '../helpers/activities';
import { TestClock } from '../helpers/dialogHarness';
import { buildTestApp, type TestApp } from '../helpers/testApp';

/**
 * Officers' sessions and their sockets over real HTTP and WebSocket: a password change ends the account's other
 * sessions, a reset ends them all (from the API, or from `npm run reset-password` in another process), and an
 * officer's socket lives no longer than its session — closed when it ends here, and noticed when it expires or is
 * ended elsewhere. One session holds a bounded number of sockets.
 */

const MONDAY_MORNING = Date.UTC(2026, 10, 23, 3, 0, 0);
const MINUTE = 60_000;
const RESET_PASSWORD = path.resolve(__dirname, '../../dist/bot/resetPassword.js');

interface Client {
  cookie: string;
  csrf: string;
  id: string;
}

interface Stream {
  socket: WebSocket;
  frames: Array<{ type: string }>;
  closed: Promise<{ code: number; reason: string }>;
}

describe('officer sessions and their sockets', () => {
  let t: TestApp;
  let base: string;
  let clock: TestClock;

  const start = async (recheckMs: number) => {
    clock = new TestClock(MONDAY_MORNING);
    t = await buildTestApp({}, { now: clock.now, officerStreamRecheckMs: recheckMs });
    base = await t.listen();
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    await t.app.officers.create({ username: 'root.admin', displayName: 'Admin', role: 'admin', centres: [], password: 'a-long-password-5' }, false);
  };
  afterEach(async () => t.close());

  const signIn = async (username = 'cm.officer', password = 'a-long-password-1'): Promise<Client> => {
    const res = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string; officer: { id: string } };
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken, id: body.officer.id };
  };
  const call = (client: Client, route: string, method = 'GET', json?: unknown) =>
    fetch(`${base}/api/officer${route}`, {
      method,
      headers: { cookie: client.cookie, ...(method !== 'GET' ? { 'x-csrf-token': client.csrf } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  const signedIn = async (client: Client) => (await call(client, '/session')).status === 200;

  const connect = (client: Client) => new WebSocket(`${base.replace('http', 'ws')}/api/officer/stream`, { headers: { origin: base, cookie: client.cookie } });
  const open = (client: Client): Promise<Stream> =>
    new Promise((resolve, reject) => {
      const socket = connect(client);
      const frames: Array<{ type: string }> = [];
      const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })));
      socket.on('message', (data) => frames.push(JSON.parse(String(data)) as { type: string }));
      socket.on('open', () => resolve({ socket, frames, closed }));
      socket.on('error', reject);
      socket.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    });
  const refusal = (client: Client) =>
    new Promise<number>((resolve) => {
      const socket = connect(client);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => resolve(-1));
    });

  /** A citizen of the test channel asks for an officer of Chiang Mai: an event every socket in scope receives. */
  let citizens = 0;
  const citizenAsks = async () => {
    citizens += 1;
    for (const text of ['ขอคุยกับเจ้าหน้าที่', 'เชียงใหม่', 'ใช่']) {
      await t.app.adapter.processActivity(incomingMessage(text, { conversationId: `citizen-${citizens}` }), (context) => t.app.bot.run(context));
    }
  };
  /** Whether the stream is open and still receives: a new request reaches it. */
  const receives = async (stream: Stream) => {
    const before = stream.frames.filter((frame) => frame.type === 'queue').length;
    await citizenAsks();
    for (let i = 0; i < 50 && stream.frames.filter((frame) => frame.type === 'queue').length === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    return stream.socket.readyState === WebSocket.OPEN && stream.frames.filter((frame) => frame.type === 'queue').length > before;
  };

  describe('ended here', () => {
    beforeEach(async () => start(50));

    test('signing out closes that session\'s sockets only', async () => {
      const [a, b] = [await signIn(), await signIn()];
      const [streamA, streamB] = [await open(a), await open(b)];
      expect((await call(a, '/session', 'DELETE')).status).toBe(204);
      expect(await streamA.closed).toEqual({ code: SESSION_ENDED.code, reason: SESSION_ENDED.reason });
      expect(await signedIn(a)).toBe(false);
      expect(await signedIn(b)).toBe(true);
      expect(await receives(streamB)).toBe(true);
    });

    test('an officer\'s own password change ends their other sessions and sockets; the session that made it stays', async () => {
      const [here, elsewhere] = [await signIn(), await signIn()];
      const [streamHere, streamElsewhere] = [await open(here), await open(elsewhere)];
      expect((await call(here, '/password', 'POST', { current: 'a-long-password-1', next: 'a-new-long-password-2' })).status).toBe(204);
      expect((await streamElsewhere.closed).code).toBe(SESSION_ENDED.code);
      expect(await signedIn(elsewhere)).toBe(false);
      expect(await signedIn(here)).toBe(true);
      expect(await receives(streamHere)).toBe(true);
      expect((await signIn('cm.officer', 'a-new-long-password-2')).id).toBe(here.id);
    });

    test('a refused password change ends nothing', async () => {
      const [here, elsewhere] = [await signIn(), await signIn()];
      const streamElsewhere = await open(elsewhere);
      expect((await call(here, '/password', 'POST', { current: 'not-the-password', next: 'a-new-long-password-2' })).status).toBe(400);
      expect(await signedIn(elsewhere)).toBe(true);
      expect(await receives(streamElsewhere)).toBe(true);
    });

    test('an admin\'s reset ends every session and socket of the officer', async () => {
      const admin = await signIn('root.admin', 'a-long-password-5');
      const [a, b] = [await signIn(), await signIn()];
      const streams = [await open(a), await open(b)];
      const adminStream = await open(admin);
      expect((await call(admin, `/officers/${a.id}/password`, 'POST')).status).toBe(200);
      expect((await Promise.all(streams.map((stream) => stream.closed))).map((close) => close.code)).toEqual([SESSION_ENDED.code, SESSION_ENDED.code]);
      expect([await signedIn(a), await signedIn(b), await signedIn(admin)]).toEqual([false, false, true]);
      expect(await receives(adminStream)).toBe(true);
    });

    test(`one session holds at most ${MAX_SOCKETS_PER_SESSION} sockets: one more is refused with 429; other sessions are not held up`, async () => {
      const officer = await signIn();
      const streams = [];
      for (let i = 0; i < MAX_SOCKETS_PER_SESSION; i += 1) streams.push(await open(officer));
      expect(await refusal(officer)).toBe(429);
      // The same officer on another device has places of their own.
      const other = await signIn();
      const otherStream = await open(other);
      expect(await receives(otherStream)).toBe(true);
      // A socket that closes frees its place.
      streams[0].socket.close();
      await streams[0].closed;
      expect(await refusal(officer)).toBe(101);
      expect(await receives(streams[1])).toBe(true);
    });

    test('an officer\'s sockets close when their session expires: after 30 idle minutes', async () => {
      const officer = await signIn();
      const stream = await open(officer);
      clock.advance(29 * MINUTE);
      expect(await receives(stream)).toBe(true);
      clock.advance(2 * MINUTE);
      expect((await stream.closed).code).toBe(SESSION_ENDED.code);
      expect(await signedIn(officer)).toBe(false);
    });

    test('an officer\'s sockets close when their session expires: after 12 hours, however active', async () => {
      const officer = await signIn();
      const stream = await open(officer);
      // A request every 29 minutes keeps the session alive; an open socket does not need to.
      for (let elapsed = 29; elapsed < 12 * 60; elapsed += 29) {
        clock.advance(29 * MINUTE);
        expect(await signedIn(officer)).toBe(true);
      }
      // 11 h 36 min: several re-checks later (a citizen's request would now be a question, sent to nobody), still open.
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(stream.socket.readyState).toBe(WebSocket.OPEN);
      clock.advance(29 * MINUTE);
      expect((await stream.closed).code).toBe(SESSION_ENDED.code);
      expect(await signedIn(officer)).toBe(false);
    });

    test('changes made elsewhere to the account are noticed: disabled, the socket ends; centres changed, it is told to reconnect', async () => {
      const [first, second] = [await signIn(), await signIn()];
      const [streamFirst, streamSecond] = [await open(first), await open(second)];
      // Straight in the store, as another instance of the service would: nothing in this process is told.
      await t.app.officers.update(first.id, { centres: ['50', '40'] });
      expect(await streamFirst.closed).toEqual({ code: ACCOUNT_CHANGED.code, reason: ACCOUNT_CHANGED.reason });
      expect((await streamSecond.closed).code).toBe(ACCOUNT_CHANGED.code);
      const again = await open(first);
      await t.app.officers.update(first.id, { disabled: true });
      expect((await again.closed).code).toBe(SESSION_ENDED.code);
    });

    test('npm run reset-password, in another process, ends the sessions, and the open socket notices', async () => {
      const officer = await signIn();
      const stream = await open(officer);
      const child = spawn(process.execPath, [RESET_PASSWORD, 'cm.officer'], { env: { PATH: process.env.PATH ?? '', DATA_DIR: t.dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
      });
      const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(exitCode).toBe(0);
      expect((await stream.closed).code).toBe(SESSION_ENDED.code);
      expect(await signedIn(officer)).toBe(false);
      const password = /New one-time password for cm.officer: (\S+)/.exec(printed)?.[1] as string;
      const fresh = await signIn('cm.officer', password);
      expect((await call(fresh, '/queue')).status).toBe(403);
    });
  });

  describe('re-checked on every message', () => {
    // A re-check interval far longer than the test: only a message can make the socket look at its session.
    beforeEach(async () => start(10 * MINUTE));

    test('a socket whose session has expired is closed when it next sends anything', async () => {
      const officer = await signIn();
      const stream = await open(officer);
      clock.advance(31 * MINUTE);
      // Nobody has looked yet: the socket is still open.
      expect(stream.socket.readyState).toBe(WebSocket.OPEN);
      stream.socket.send('anything');
      expect((await stream.closed).code).toBe(SESSION_ENDED.code);
    });

    test('an app in front of its officer keeps the session alive; one that only stays open does not', async () => {
      const [watching, away] = [await signIn(), await signIn('root.admin', 'a-long-password-5')];
      const [watchingStream, awayStream] = [await open(watching), await open(away)];
      for (let minutes = 0; minutes < 90; minutes += 10) {
        clock.advance(10 * MINUTE);
        watchingStream.socket.send(ATTENDED_FRAME);
        awayStream.socket.send('anything');
        // Each message is looked at before the clock moves on (the re-check reads the store).
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await awayStream.closed).code).toBe(SESSION_ENDED.code);
      expect(await signedIn(away)).toBe(false);
      expect(await receives(watchingStream)).toBe(true);
      expect(await signedIn(watching)).toBe(true);
    });

    test('a socket whose session is valid stays open when it sends', async () => {
      const officer = await signIn();
      const stream = await open(officer);
      clock.advance(29 * MINUTE);
      stream.socket.send('anything');
      expect(await receives(stream)).toBe(true);
    });
  });
});
