import { once } from 'node:events';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { TokenSigner } from '../../../../lib/directline/tokens';
import { loadSecrets } from '../../../../lib/secrets';
import { seedTexts } from '../../../helpers/seedTexts';
import { buildTestApp, type TestApp } from '../../../helpers/testApp';

/**
 * The Direct Line 3.0 REST contract and the WebSocket stream, with plain fetch and a plain socket: paths,
 * status codes and error bodies as the published reference has them, and what a hostile or careless client
 * gets — after every abuse, the service still answers /healthz.
 */

/** A valid 1×1 PNG (the well-known smallest one). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const TEN_MB = 10 * 1024 * 1024;

class Clock {
  constructor(public ms = Date.UTC(2026, 10, 23, 3, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

type Json = Record<string, unknown>;
/** What fetch accepts as a body (the DOM's BodyInit, which this project's lib settings do not name). */
type Body = NonNullable<RequestInit['body']>;

interface Reply {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

interface Started {
  conversationId: string;
  token: string;
  userId: string;
  streamUrl: string;
}

interface RequestOptions {
  /** Sent as `Authorization: Bearer <auth>`. */
  auth?: string;
  json?: unknown;
  body?: Body;
  headers?: Record<string, string>;
}

class Api {
  constructor(readonly base: string, readonly secret: string) {}

  url(path: string): string {
    return `${this.base}/v3/directline${path}`;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(options.auth !== undefined ? { authorization: `Bearer ${options.auth}` } : {}), ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(path.startsWith('http') ? path : this.url(path), { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  /** A conversation started by a trusted server with the secret, for a user it names. */
  async start(userId: string, headers: Record<string, string> = {}): Promise<Started> {
    const reply = await this.request('POST', '/conversations', { auth: this.secret, json: { user: { id: userId } }, headers });
    expect(reply.status).toBe(201);
    const body = reply.json as { conversationId: string; token: string; streamUrl: string };
    return { ...body, userId };
  }

  async post(conversation: Started, activity: Json): Promise<Reply> {
    return this.request('POST', `/conversations/${conversation.conversationId}/activities`, { auth: conversation.token, json: activity });
  }

  async activities(conversation: Started, watermark = 0): Promise<Json[]> {
    const reply = await this.request('GET', `/conversations/${conversation.conversationId}/activities?watermark=${watermark}`, { auth: this.secret });
    expect(reply.status).toBe(200);
    return (reply.json as { activities: Json[] }).activities;
  }

  async upload(conversation: Started, body: Body, headers: Record<string, string> = {}, auth = conversation.token): Promise<Reply> {
    return this.request('POST', `/conversations/${conversation.conversationId}/upload?userId=${conversation.userId}`, { auth, body, headers });
  }

  async expectHealthy(): Promise<void> {
    const reply = await fetch(`${this.base}/healthz`);
    expect(reply.status).toBe(200);
  }
}

function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, body: reply.json }).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
}

const claimsOf = (token: string): Json => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Json;
const streamTokenOf = (conversation: Started): string => new URL(conversation.streamUrl).searchParams.get('t') ?? '';

// ---------------------------------------------------------------------------------------------------------
// WebSocket

interface Frame {
  activities: Json[];
  watermark: string;
}

interface SocketAttempt {
  /** 101 when the socket opened, else the HTTP status of the refusal (0: no answer). */
  status: number;
  socket?: WebSocket;
  frames: Frame[];
  closed: Promise<number>;
}

const openSockets: WebSocket[] = [];

function openSocket(url: string, headers: Record<string, string> = {}): Promise<SocketAttempt> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const frames: Frame[] = [];
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('message', (data) => {
      const text = String(data);
      // Empty frames are keep-alives.
      if (text !== '') frames.push(JSON.parse(text) as Frame);
    });
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ status: 0, frames, closed });
    }, 5000);
    socket.on('open', () => {
      clearTimeout(timer);
      openSockets.push(socket);
      resolve({ status: 101, socket, frames, closed });
    });
    socket.on('unexpected-response', (request, response) => {
      clearTimeout(timer);
      resolve({ status: response.statusCode ?? 0, frames, closed });
      request.destroy();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Waits until a socket has received the activity with this id (frames arrive as the log grows). */
async function frameWith(attempt: SocketAttempt, id: string): Promise<Frame> {
  for (let i = 0; i < 200; i += 1) {
    const frame = attempt.frames.find((candidate) => candidate.activities.some((activity) => activity.id === id));
    if (frame) return frame;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no frame with ${id}; got ${JSON.stringify(attempt.frames.map((frame) => frame.activities.map((activity) => activity.id)))}`);
}

// ---------------------------------------------------------------------------------------------------------

describe('the Direct Line 3.0 endpoint', () => {
  let t: TestApp;
  let api: Api;
  let clock: Clock;
  let signingKey: string;

  async function startService(env: Record<string, string> = {}): Promise<void> {
    clock = new Clock();
    t = await buildTestApp(env, { now: clock.now });
    const base = await t.listen();
    const secrets = loadSecrets(t.dataDir, {});
    signingKey = secrets.tokenSigningKey;
    api = new Api(base, secrets.directLineSecret);
  }

  afterEach(async () => {
    for (const socket of openSockets.splice(0)) socket.terminate();
    await t.close();
  });

  describe('paths and status codes', () => {
    beforeEach(() => startService());

    test('POST /tokens/generate with the secret: 200 {conversationId, token, expires_in}; a valid user id is used, an unsafe one replaced', async () => {
      const named = await api.request('POST', '/tokens/generate', { auth: api.secret, json: { user: { id: 'dl_citizen-1' } } });
      expect(named.status).toBe(200);
      expect(named.json).toEqual({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), token: expect.any(String), expires_in: 1800 });
      const grant = named.json as { conversationId: string; token: string };
      expect(claimsOf(grant.token)).toMatchObject({ knd: 'conversation', sub: 'dl_citizen-1', cnv: grant.conversationId });

      const unsafe = await api.request('POST', '/tokens/generate', { auth: api.secret, json: { user: { id: '<script>alert(1)</script>' } } });
      expect(unsafe.status).toBe(200);
      expect(claimsOf((unsafe.json as { token: string }).token).sub).toMatch(/^dl_[A-Za-z0-9_-]{16}$/);

      const bare = await api.request('POST', '/tokens/generate', { auth: api.secret });
      expect(bare.status).toBe(200);
      expect((bare.json as { conversationId: string }).conversationId).not.toBe(grant.conversationId);
    });

    test('POST /conversations: 201 for a new one with a streamUrl on this host, 200 for the token\'s existing one', async () => {
      const generated = (await api.request('POST', '/tokens/generate', { auth: api.secret, json: { user: { id: 'dl_citizen-2' } } })).json as { conversationId: string; token: string };
      const created = await api.request('POST', '/conversations', { auth: generated.token });
      expect(created.status).toBe(201);
      const { host } = new URL(api.base);
      expect(created.json).toEqual({
        conversationId: generated.conversationId,
        token: expect.any(String),
        expires_in: 1800,
        streamUrl: expect.stringMatching(new RegExp(`^ws://${host}/v3/directline/conversations/${generated.conversationId}/stream\\?t=[A-Za-z0-9_.-]+$`)),
      });
      const again = await api.request('POST', '/conversations', { auth: generated.token });
      expect(again.status).toBe(200);
      expect((again.json as { conversationId: string }).conversationId).toBe(generated.conversationId);
      // The bot greeted once, not twice.
      expect((await api.activities({ ...generated, userId: 'dl_citizen-2', streamUrl: '' })).map((activity) => activity.id)).toEqual([
        `${generated.conversationId}|0000001`,
        `${generated.conversationId}|0000002`,
      ]);

      const bySecret = await api.request('POST', '/conversations', { auth: api.secret });
      expect(bySecret.status).toBe(201);
      expect((bySecret.json as { conversationId: string }).conversationId).not.toBe(generated.conversationId);
    });

    test('GET /conversations/:id: 200 with a token and a streamUrl that resumes from the watermark asked for', async () => {
      const a = await api.start('dl_a');
      const reply = await api.request('GET', `/conversations/${a.conversationId}?watermark=2`, { auth: a.token });
      expect(reply.status).toBe(200);
      const body = reply.json as { conversationId: string; token: string; streamUrl: string; expires_in: number };
      expect(body).toMatchObject({ conversationId: a.conversationId, expires_in: 1800 });
      expect(new URL(body.streamUrl).searchParams.get('watermark')).toBe('2');
      expect(claimsOf(body.token)).toMatchObject({ sub: 'dl_a', cnv: a.conversationId });
    });

    test('POST /activities: 200 {id}; GET /activities: 200 {activities, watermark} as strings, from the watermark on', async () => {
      const a = await api.start('dl_a');
      const posted = await api.post(a, { type: 'message', text: 'ภาษาไทย', channelData: { clientActivityID: 'web-1' } });
      expect(posted.status).toBe(200);
      expect(posted.json).toEqual({ id: `${a.conversationId}|0000003` });
      const read = await api.request('GET', `/conversations/${a.conversationId}/activities?watermark=2`, { auth: a.token });
      expect(read.status).toBe(200);
      const page = read.json as { activities: Json[]; watermark: string };
      expect(page.activities[0]).toMatchObject({ id: `${a.conversationId}|0000003`, text: 'ภาษาไทย', channelData: { clientActivityID: 'web-1' }, from: { id: 'dl_a', role: 'user' } });
      expect(page.activities.slice(1).every((activity) => (activity.from as Json).role === 'bot')).toBe(true);
      // The replies name the message they answer; the welcome, which answers the unlogged join, names nothing
      // (Web Chat would hold it back, waiting to see what it replies to).
      expect(page.activities.slice(1).every((activity) => activity.replyToId === `${a.conversationId}|0000003`)).toBe(true);
      expect(page.watermark).toBe(String(2 + page.activities.length));
      // Without a watermark, everything; an empty page keeps the watermark given.
      const all = (await api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: a.token })).json as { activities: Json[]; watermark: string };
      expect(all.activities).toHaveLength(2 + page.activities.length);
      expect(all.activities.slice(0, 2).map((activity) => activity.replyToId)).toEqual([undefined, undefined]);
      const none = (await api.request('GET', `/conversations/${a.conversationId}/activities?watermark=${page.watermark}`, { auth: a.token })).json;
      expect(none).toEqual({ activities: [], watermark: page.watermark });
    });

    test('typing is answered 200 and neither logged nor given to the bot', async () => {
      const a = await api.start('dl_a');
      const before = await api.activities(a);
      const reply = await api.post(a, { type: 'typing' });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({});
      expect(await api.activities(a)).toEqual(before);
    });

    test('POST /tokens/refresh: 200 with a later token for the same user and conversation', async () => {
      const a = await api.start('dl_a');
      clock.advance(10 * 60 * 1000);
      const reply = await api.request('POST', '/tokens/refresh', { auth: a.token });
      expect(reply.status).toBe(200);
      const body = reply.json as { conversationId: string; token: string; expires_in: number };
      expect(body).toMatchObject({ conversationId: a.conversationId, expires_in: 1800 });
      expect(claimsOf(body.token)).toMatchObject({ sub: 'dl_a', cnv: a.conversationId, exp: (claimsOf(a.token).exp as number) + 600 });
    });
  });

  describe('credentials', () => {
    beforeEach(() => startService());

    interface Case {
      name: string;
      status: number;
      code: string;
      send: (c: { a: Started; b: Started; notStarted: { conversationId: string; token: string } }) => Promise<Reply>;
    }
    const cases: Case[] = [
      { name: 'no Authorization header', status: 401, code: 'Unauthorized', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`) },
      { name: 'Basic instead of Bearer', status: 401, code: 'Unauthorized', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { headers: { authorization: `Basic ${a.token}` } }) },
      { name: 'Bearer and nothing else', status: 401, code: 'Unauthorized', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { headers: { authorization: 'Bearer ' } }) },
      { name: 'an Authorization header of 5000 characters', status: 401, code: 'Unauthorized', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: 'x'.repeat(5000) }) },
      { name: 'a token that is not one', status: 403, code: 'Forbidden', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: 'not.a.token' }) },
      {
        name: 'a token signed with another key',
        status: 403,
        code: 'Forbidden',
        send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: new TokenSigner('z'.repeat(40), clock.now).sign('conversation', { userId: a.userId, conversationId: a.conversationId }, 1800) }),
      },
      { name: 'a stream token used as a conversation token', status: 403, code: 'Forbidden', send: ({ a }) => api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: streamTokenOf(a) }) },
      { name: 'the secret posting as a user', status: 403, code: 'Forbidden', send: ({ a }) => api.request('POST', `/conversations/${a.conversationId}/activities`, { auth: api.secret, json: { type: 'message', text: 'hi' } }) },
      { name: 'the secret uploading', status: 403, code: 'Forbidden', send: ({ a }) => api.upload(a, PNG, { 'content-type': 'image/png' }, api.secret) },
      { name: 'a conversation token generating tokens', status: 403, code: 'Forbidden', send: ({ a }) => api.request('POST', '/tokens/generate', { auth: a.token }) },
      { name: 'the secret refreshing', status: 403, code: 'Forbidden', send: () => api.request('POST', '/tokens/refresh', { auth: api.secret }) },
      { name: 'an unknown conversation, read with the secret', status: 404, code: 'NotFound', send: () => api.request('GET', '/conversations/AAAAAAAAAAAAAAAAAAAAAA', { auth: api.secret }) },
      { name: 'a conversation id that cannot be one', status: 404, code: 'NotFound', send: () => api.request('GET', '/conversations/short/activities', { auth: api.secret }) },
      { name: 'a generated conversation not started yet: read', status: 404, code: 'NotFound', send: ({ notStarted }) => api.request('GET', `/conversations/${notStarted.conversationId}/activities`, { auth: notStarted.token }) },
      {
        name: 'a generated conversation not started yet: post',
        status: 404,
        code: 'NotFound',
        send: ({ notStarted }) => api.request('POST', `/conversations/${notStarted.conversationId}/activities`, { auth: notStarted.token, json: { type: 'message', text: 'hi' } }),
      },
    ];

    test.each(cases)('$name → $status $code, and the service keeps serving', async ({ status, code, send }) => {
      const a = await api.start('dl_a');
      const b = await api.start('dl_b');
      const notStarted = (await api.request('POST', '/tokens/generate', { auth: api.secret })).json as { conversationId: string; token: string };
      expectError(await send({ a, b, notStarted }), status, code);
      await api.expectHealthy();
    });

    test('an expired token gets 403 TokenExpired everywhere; a second before expiry it still works', async () => {
      const a = await api.start('dl_a');
      clock.advance(30 * 60 * 1000 - 1000);
      expect((await api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: a.token })).status).toBe(200);
      clock.advance(1000);
      expectError(await api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: a.token }), 403, 'TokenExpired');
      expectError(await api.request('GET', `/conversations/${a.conversationId}`, { auth: a.token }), 403, 'TokenExpired');
      expectError(await api.post(a, { type: 'message', text: 'hi' }), 403, 'TokenExpired');
      expectError(await api.upload(a, PNG, { 'content-type': 'image/png' }), 403, 'TokenExpired');
      expectError(await api.request('POST', '/tokens/refresh', { auth: a.token }), 403, 'TokenExpired');
      expectError(await api.request('POST', '/conversations', { auth: a.token }), 403, 'TokenExpired');
      await api.expectHealthy();
    });
  });

  describe('what a client posts', () => {
    beforeEach(() => startService());

    test('from, ids, timestamps, channel and conversation come from the service and the token, never from the body', async () => {
      const a = await api.start('dl_a');
      clock.advance(1234);
      const posted = await api.post(a, {
        type: 'message',
        text: 'ภาษาไทย',
        id: `${a.conversationId}|9999999`,
        timestamp: '2000-01-01T00:00:00.000Z',
        from: { id: 'dl_victim', name: 'เจ้าหน้าที่', role: 'bot' },
        recipient: { id: 'someone' },
        conversation: { id: 'another-conversation' },
        channelId: 'facebook',
        serviceUrl: 'https://attacker.example',
        channelData: { clientActivityID: 'web-7', secretFlag: true },
      });
      expect(posted.status).toBe(200);
      const [own, ...replies] = await api.activities(a, 2);
      expect(own).toEqual({
        type: 'message',
        text: 'ภาษาไทย',
        id: `${a.conversationId}|0000003`,
        timestamp: new Date(clock.ms).toISOString(),
        from: { id: 'dl_a', name: '', role: 'user' },
        recipient: { id: 'damrongdham-bot', name: 'Damrongdham Bot', role: 'bot' },
        conversation: { id: a.conversationId },
        channelId: 'directline',
        serviceUrl: 'directline',
        channelData: { clientActivityID: 'web-7' },
      });
      // The bot answered the token's user.
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) expect(reply).toMatchObject({ recipient: { id: 'dl_a' }, from: { role: 'bot' }, replyToId: own.id });
      expect(replies.map((reply) => reply.text).join('\n')).toContain(seedTexts.get('th', 'language.set'));
    });

    test('the user of a generated token stays that user whatever the body of POST /conversations or an activity says', async () => {
      const generated = (await api.request('POST', '/tokens/generate', { auth: api.secret, json: { user: { id: 'dl_real' } } })).json as { conversationId: string; token: string };
      const started = await api.request('POST', '/conversations', { auth: generated.token, json: { user: { id: 'dl_fake' } } });
      expect(started.status).toBe(201);
      const conversation: Started = { ...generated, userId: 'dl_real', streamUrl: '' };
      await api.post(conversation, { type: 'message', text: 'hi', from: { id: 'dl_fake' } });
      const users = (await api.activities(conversation)).filter((activity) => (activity.from as Json).role === 'user').map((activity) => (activity.from as Json).id);
      expect(users).toEqual(['dl_real']);
    });

    interface BadBody {
      name: string;
      status: number;
      code: string;
      body: string;
      type?: string;
    }
    const badBodies: BadBody[] = [
      { name: 'malformed JSON', status: 400, code: 'BadArgument', body: '{"type": "message", "text": ' },
      { name: 'JSON that is not an object', status: 400, code: 'BadArgument', body: '[{"type":"message"}]' },
      { name: 'JSON null', status: 400, code: 'BadArgument', body: 'null' },
      { name: 'an empty body', status: 400, code: 'BadArgument', body: '' },
      { name: 'no type', status: 400, code: 'BadArgument', body: '{"text":"hi"}' },
      { name: 'a type clients may not send', status: 400, code: 'BadArgument', body: '{"type":"invoke","name":"signin/verifyState"}' },
      { name: 'text that is not a string', status: 400, code: 'BadArgument', body: '{"type":"message","text":{"$gt":""}}' },
      { name: 'text over 10,000 characters', status: 400, code: 'BadArgument', body: JSON.stringify({ type: 'message', text: 'ก'.repeat(10_001) }) },
      { name: 'attachments that are not a list', status: 400, code: 'BadArgument', body: '{"type":"message","attachments":"x"}' },
      { name: 'an attachment with a javascript: URL', status: 400, code: 'BadArgument', body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'javascript:alert(1)' }] }) },
      { name: 'eleven attachments', status: 400, code: 'BadArgument', body: JSON.stringify({ type: 'message', attachments: Array.from({ length: 11 }, () => ({ contentType: 'image/png', contentUrl: 'https://example.com/a.png' })) }) },
      { name: 'a body over 64 KB', status: 413, code: 'PayloadTooLarge', body: JSON.stringify({ type: 'message', text: 'x', value: 'y'.repeat(70_000) }) },
      { name: 'text/plain', status: 415, code: 'UnsupportedMediaType', body: '{"type":"message","text":"hi"}', type: 'text/plain' },
      { name: 'form-encoded', status: 415, code: 'UnsupportedMediaType', body: 'type=message&text=hi', type: 'application/x-www-form-urlencoded' },
    ];

    test.each(badBodies)('POST /activities with $name → $status $code, nothing logged, and the service keeps serving', async ({ status, code, body, type }) => {
      const a = await api.start('dl_a');
      const before = await api.activities(a);
      const reply = await api.request('POST', `/conversations/${a.conversationId}/activities`, { auth: a.token, body, headers: { 'content-type': type ?? 'application/json' } });
      expectError(reply, status, code);
      expect(await api.activities(a)).toEqual(before);
      await api.expectHealthy();
      expect((await api.post(a, { type: 'message', text: 'English' })).status).toBe(200);
    });

    test.each(['abc', '1e3', '-1', '12345678901', '0x10'])('a watermark of %j → 400 BadArgument', async (watermark) => {
      const a = await api.start('dl_a');
      expectError(await api.request('GET', `/conversations/${a.conversationId}/activities?watermark=${encodeURIComponent(watermark)}`, { auth: a.token }), 400, 'BadArgument');
      await api.expectHealthy();
    });
  });

  describe('one conversation\'s credentials stay in that conversation', () => {
    beforeEach(() => startService());

    test('B\'s token can neither read, write, upload to, nor stream A; B\'s file link opens none of A\'s files', async () => {
      const a = await api.start('dl_a');
      const b = await api.start('dl_b');
      const aUpload = await api.upload(a, PNG, { 'content-type': 'image/png' });
      expect(aUpload.status).toBe(200);
      const bUpload = await api.upload(b, PNG, { 'content-type': 'image/png' });
      const fileUrlOf = async (conversation: Started, id: string) => {
        const activity = (await api.activities(conversation)).find((candidate) => candidate.id === id) as Json;
        return new URL((activity.attachments as Array<{ contentUrl: string }>)[0].contentUrl);
      };
      const aFile = await fileUrlOf(a, (aUpload.json as { id: string }).id);
      const bFile = await fileUrlOf(b, (bUpload.json as { id: string }).id);
      const aLogBefore = await api.activities(a);

      const attempts: Array<[string, Promise<Reply>]> = [
        ['read the conversation', api.request('GET', `/conversations/${a.conversationId}`, { auth: b.token })],
        ['read activities', api.request('GET', `/conversations/${a.conversationId}/activities`, { auth: b.token })],
        ['post an activity', api.request('POST', `/conversations/${a.conversationId}/activities`, { auth: b.token, json: { type: 'message', text: 'I am A' } })],
        ['upload', api.upload(a, PNG, { 'content-type': 'image/png' }, b.token)],
        ['A\'s file with B\'s file token', api.request('GET', `${aFile.origin}${aFile.pathname}${bFile.search}`)],
        ['B\'s file id under A\'s conversation with B\'s token', api.request('GET', `${aFile.origin}/v3/directline/conversations/${a.conversationId}/files/${bFile.pathname.split('/').pop() ?? ''}${bFile.search}`)],
        ['A\'s file id under B\'s conversation with A\'s token', api.request('GET', `${aFile.origin}/v3/directline/conversations/${b.conversationId}/files/${aFile.pathname.split('/').pop() ?? ''}${aFile.search}`)],
        ['A\'s file with B\'s conversation token', api.request('GET', `${aFile.origin}${aFile.pathname}?t=${encodeURIComponent(b.token)}`)],
      ];
      for (const [what, attempt] of attempts) {
        const reply = await attempt;
        expect({ what, status: reply.status, code: (reply.json as { error?: { code: string } } | undefined)?.error?.code }).toEqual({ what, status: 403, code: 'Forbidden' });
      }
      const stream = await openSocket(`${a.streamUrl.split('?')[0]}?t=${encodeURIComponent(streamTokenOf(b))}`);
      expect(stream.status).toBe(403);
      expect(await api.activities(a)).toEqual(aLogBefore);
      await api.expectHealthy();
    });
  });

  describe('uploads and the files they become', () => {
    beforeEach(() => startService());

    test('a photo as the raw body: logged with a link that serves it back, as an image, with nosniff, only with its file token', async () => {
      const a = await api.start('dl_a');
      const reply = await api.upload(a, PNG, { 'content-type': 'image/png', 'content-disposition': 'inline; filename="road.png"' });
      expect(reply.status).toBe(200);
      const [activity] = await api.activities(a, 2);
      expect(activity).toMatchObject({ id: (reply.json as { id: string }).id, type: 'message', from: { id: 'dl_a' }, attachments: [{ contentType: 'image/png', name: 'road.png', contentUrl: expect.any(String) }] });
      const link = new URL((activity.attachments as Array<{ contentUrl: string }>)[0].contentUrl);
      expect(`${link.origin}`).toBe(api.base);
      expect(claimsOf(link.searchParams.get('t') ?? '')).toMatchObject({ knd: 'file', cnv: a.conversationId });

      const file = await fetch(link);
      expect(file.status).toBe(200);
      expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-security-policy', 'content-disposition'].map((name) => [name, file.headers.get(name)]))).toEqual({
        'content-type': 'image/png',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
        'content-disposition': "inline; filename*=UTF-8''road.png",
      });
      expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);

      const signer = new TokenSigner(signingKey, clock.now);
      const token = link.searchParams.get('t') ?? '';
      const withToken = (t?: string) => `${link.origin}${link.pathname}${t === undefined ? '' : `?t=${encodeURIComponent(t)}`}`;
      const refusals: Array<[string, string, number, string]> = [
        ['no token', withToken(), 403, 'Forbidden'],
        ['a tampered token', withToken(`${token.slice(0, -2)}xx`), 403, 'Forbidden'],
        ['the conversation token', withToken(a.token), 403, 'Forbidden'],
        ['a file token for another file', withToken(signer.sign('file', { userId: 'dl_a', conversationId: a.conversationId, fileId: 'other-file' }, 60)), 403, 'Forbidden'],
        ['a valid token for a file that does not exist', `${link.origin}/v3/directline/conversations/${a.conversationId}/files/nothing-here?t=${encodeURIComponent(signer.sign('file', { userId: 'dl_a', conversationId: a.conversationId, fileId: 'nothing-here' }, 60))}`, 404, 'NotFound'],
      ];
      for (const [what, url, status, code] of refusals) {
        const refused = await api.request('GET', url);
        expect({ what, status: refused.status, body: refused.json }).toEqual({ what, status, body: { error: { code, message: expect.any(String) } } });
        expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      }
      // File links are long-lived, but not for ever.
      clock.advance(181 * 24 * 3600 * 1000);
      expectError(await api.request('GET', link.toString()), 403, 'TokenExpired');
    });

    test('the declared type counts for nothing: a PNG declared as JPEG is kept and served as a PNG', async () => {
      const a = await api.start('dl_a');
      const form = new FormData();
      form.append('file', new Blob([PNG], { type: 'image/jpeg' }), 'photo.jpg');
      expect((await api.upload(a, form)).status).toBe(200);
      const [activity] = await api.activities(a, 2);
      const attachment = (activity.attachments as Array<{ contentType: string; contentUrl: string; name: string }>)[0];
      expect(attachment).toMatchObject({ contentType: 'image/png', name: 'photo.jpg' });
      expect((await fetch(attachment.contentUrl)).headers.get('content-type')).toBe('image/png');
    });

    test('multipart as directlinejs sends it: the activity part\'s text and client id are kept, its from is not, Thai file names survive', async () => {
      const a = await api.start('dl_a');
      const form = new FormData();
      form.append('activity', new Blob([JSON.stringify({ type: 'message', text: 'รูปถนน', from: { id: 'dl_mallory' }, channelData: { clientActivityID: 'web-9' }, attachments: [{ contentType: 'image/png', name: 'ถนนชำรุด.png' }] })], { type: 'application/vnd.microsoft.activity' }));
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'ถนนชำรุด.png');
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'ซอย ๕.png');
      const reply = await api.upload(a, form);
      expect(reply.status).toBe(200);
      const [activity] = await api.activities(a, 2);
      expect(activity).toMatchObject({ text: 'รูปถนน', from: { id: 'dl_a', role: 'user' }, channelData: { clientActivityID: 'web-9' } });
      expect((activity.attachments as Array<{ name: string }>).map((attachment) => attachment.name)).toEqual(['ถนนชำรุด.png', 'ซอย ๕.png']);
      const file = await fetch((activity.attachments as Array<{ contentUrl: string }>)[0].contentUrl);
      expect(file.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('ถนนชำรุด.png')}`);
    });

    const textAsJpeg = Buffer.from('#!/bin/sh\necho not a photo\n');
    const pngHeaderThenMore = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);
    const multipart = (...files: Array<[Buffer, string, string]>) => {
      const form = new FormData();
      for (const [content, type, name] of files) form.append('file', new Blob([content], { type }), name);
      return form;
    };
    interface BadUpload {
      name: string;
      status: number;
      code: string;
      body: () => Body;
      headers?: Record<string, string>;
    }
    const badUploads: BadUpload[] = [
      { name: 'a text file renamed .jpg, declared image/jpeg (multipart)', status: 415, code: 'UnsupportedMediaType', body: () => multipart([textAsJpeg, 'image/jpeg', 'photo.jpg']) },
      { name: 'a text file as the raw body, declared image/jpeg', status: 415, code: 'UnsupportedMediaType', body: () => textAsJpeg, headers: { 'content-type': 'image/jpeg' } },
      { name: 'an SVG (script-capable) declared image/svg+xml', status: 415, code: 'UnsupportedMediaType', body: () => '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', headers: { 'content-type': 'image/svg+xml' } },
      { name: 'one photo and one text file: all refused', status: 415, code: 'UnsupportedMediaType', body: () => multipart([PNG, 'image/png', 'a.png'], [textAsJpeg, 'image/jpeg', 'b.jpg']) },
      { name: 'JSON instead of a file', status: 415, code: 'UnsupportedMediaType', body: () => '{"type":"message"}', headers: { 'content-type': 'application/json' } },
      { name: 'an empty image body', status: 415, code: 'UnsupportedMediaType', body: () => Buffer.alloc(0), headers: { 'content-type': 'image/png' } },
      { name: 'multipart without a file', status: 400, code: 'BadArgument', body: () => { const form = new FormData(); form.append('activity', '{"type":"message"}'); return form; } },
      { name: 'an activity part that is not JSON', status: 400, code: 'BadArgument', body: () => { const form = multipart([PNG, 'image/png', 'a.png']); form.append('activity', '{"type":'); return form; } },
      { name: 'six photos at once', status: 413, code: 'PayloadTooLarge', body: () => multipart(...Array.from({ length: 6 }, (_, i): [Buffer, string, string] => [PNG, 'image/png', `p${i}.png`])) },
      { name: 'a raw body over 10 MB', status: 413, code: 'PayloadTooLarge', body: () => pngHeaderThenMore(TEN_MB + 1), headers: { 'content-type': 'image/png' } },
      { name: 'a multipart file over 10 MB', status: 413, code: 'PayloadTooLarge', body: () => multipart([pngHeaderThenMore(TEN_MB + 1), 'image/png', 'big.png']) },
      {
        name: 'a raw body over 10 MB sent without Content-Length',
        status: 413,
        code: 'PayloadTooLarge',
        body: () => new Blob([pngHeaderThenMore(TEN_MB + 64 * 1024)]).stream(),
        headers: { 'content-type': 'image/png' },
      },
    ];

    test.each(badUploads)('$name → $status $code, nothing kept, and the service keeps serving', async ({ status, code, body, headers }) => {
      const a = await api.start('dl_a');
      const before = await api.activities(a);
      expectError(await api.upload(a, body(), headers), status, code);
      expect(await api.activities(a)).toEqual(before);
      expect(await t.store.collection('files').countDocuments({})).toBe(0);
      await api.expectHealthy();
      expect((await api.upload(a, PNG, { 'content-type': 'image/png' })).status).toBe(200);
    });

    test('a client that keeps streaming far past the bound gets its 413 and is then cut off, and the service keeps serving', async () => {
      const a = await api.start('dl_a');
      // A raw socket, because fetch stops sending as soon as the 413 arrives: this client does not listen.
      const { hostname, port } = new URL(api.base);
      const socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      let received = '';
      let closed = false;
      socket.on('data', (data: Buffer) => {
        received += data.toString('latin1');
      });
      socket.on('close', () => {
        closed = true;
      });
      // Writing to a connection the service has cut fails (EPIPE, ECONNRESET): that is the outcome under test.
      socket.on('error', () => undefined);
      socket.write(`POST /v3/directline/conversations/${a.conversationId}/upload HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${a.token}\r\nContent-Type: image/png\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = pngHeaderThenMore(1024 * 1024);
      let written = 0;
      // Bounded: 40 MB at most, four times the limit; the service stops reading at twice the limit.
      while (!closed && written < 4 * TEN_MB) {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        const flushed = socket.write('\r\n');
        written += chunk.length;
        if (!flushed) await new Promise((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
      }
      if (!closed) await new Promise((resolve) => { socket.once('close', resolve); setTimeout(resolve, 5000); });
      expect(closed).toBe(true);
      expect(written).toBeLessThan(4 * TEN_MB);
      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      socket.destroy();
      await api.expectHealthy();
    });
  });

  describe('floods', () => {
    beforeEach(() => startService({ TRUST_PROXY: 'true' }));
    const from = (address: string) => ({ 'x-forwarded-for': address });

    test('posting: 20 at once, then 429 with Retry-After; other conversations are served, and the conversation again once the time has passed', async () => {
      const a = await api.start('dl_a');
      const b = await api.start('dl_b');
      for (let i = 0; i < 20; i += 1) expect((await api.post(a, { type: 'typing' })).status).toBe(200);
      const refused = await api.post(a, { type: 'typing' });
      expectError(refused, 429, 'TooManyRequests');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect((await api.post(b, { type: 'message', text: 'English' })).status).toBe(200);
      await api.expectHealthy();
      clock.advance(retryAfter * 1000);
      expect((await api.post(a, { type: 'typing' })).status).toBe(200);
    });

    test('uploading: 20 at once (the conversation\'s upload quota), then 429 with Retry-After', async () => {
      const a = await api.start('dl_a');
      for (let i = 0; i < 20; i += 1) expect((await api.upload(a, PNG, { 'content-type': 'image/png' })).status).toBe(200);
      const refused = await api.upload(a, PNG, { 'content-type': 'image/png' });
      expectError(refused, 429, 'TooManyRequests');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    test('starting conversations: 60 from one address (many citizens share one), then 429 with Retry-After; another address is served', async () => {
      for (let i = 0; i < 60; i += 1) expect((await api.request('POST', '/conversations', { auth: api.secret, headers: from('203.0.113.9') })).status).toBe(201);
      const refused = await api.request('POST', '/conversations', { auth: api.secret, headers: from('203.0.113.9') });
      expectError(refused, 429, 'TooManyRequests');
      // 30 a minute: the next start is two seconds away.
      expect(refused.headers.get('retry-after')).toBe('2');
      expect((await api.request('POST', '/conversations', { auth: api.secret, headers: from('203.0.113.10') })).status).toBe(201);
      await api.expectHealthy();
    });

    test('the chat page\'s token: 60 from one address (many citizens share one), then 429 with Retry-After; another address is served', async () => {
      const chatToken = (address: string) => fetch(`${api.base}/api/directline/token`, { method: 'POST', headers: from(address) });
      for (let i = 0; i < 60; i += 1) expect((await chatToken('198.51.100.7')).status).toBe(200);
      const refused = await chatToken('198.51.100.7');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
      expect((await chatToken('198.51.100.8')).status).toBe(200);
    });

    test('sockets: a flood from one address is refused with 429 while open sockets and other clients are served', async () => {
      const a = await api.start('dl_a', from('192.0.2.1'));
      const b = await api.start('dl_b', from('192.0.2.1'));
      const watching = await openSocket(a.streamUrl, from('192.0.2.50'));
      expect(watching.status).toBe(101);
      await frameWith(watching, `${a.conversationId}|0000002`);

      const flood = Array.from({ length: 120 }, () => openSocket(`${a.streamUrl.split('?')[0]}?t=forged`, from('192.0.2.66')));
      expect((await Promise.all(flood)).map((attempt) => attempt.status)).toEqual(Array.from({ length: 120 }, () => 403));
      expect((await openSocket(`${a.streamUrl.split('?')[0]}?t=forged`, from('192.0.2.66'))).status).toBe(429);
      // Once over the limit, even a valid stream URL from that address waits.
      expect((await openSocket(b.streamUrl, from('192.0.2.66'))).status).toBe(429);

      const other = await openSocket(b.streamUrl, from('192.0.2.77'));
      expect(other.status).toBe(101);
      const posted = await api.post(a, { type: 'message', text: 'English' });
      expect(posted.status).toBe(200);
      await frameWith(watching, (posted.json as { id: string }).id);
      await api.expectHealthy();
    });

    test('sockets per conversation are bounded: the sixth is refused with 429, another conversation\'s is not', async () => {
      const a = await api.start('dl_a');
      const b = await api.start('dl_b');
      const five = await Promise.all(Array.from({ length: 5 }, (_, i) => openSocket(a.streamUrl, from(`192.0.2.${100 + i}`))));
      expect(five.map((attempt) => attempt.status)).toEqual([101, 101, 101, 101, 101]);
      expect((await openSocket(a.streamUrl, from('192.0.2.110'))).status).toBe(429);
      expect((await openSocket(b.streamUrl, from('192.0.2.111'))).status).toBe(101);
    });
  });

  describe('limits set in the configuration', () => {
    beforeEach(() => startService({
      TRUST_PROXY: 'true',
      RATE_LIMIT_CHAT_TOKENS: '3/6',
      RATE_LIMIT_DIRECTLINE_STARTS: '2/4',
      RATE_LIMIT_DIRECTLINE_SOCKETS: '2/60',
      RATE_LIMIT_DIRECTLINE_MESSAGES: '2/30',
      RATE_LIMIT_DIRECTLINE_UPLOADS: '1/2',
    }));
    const from = (address: string) => ({ 'x-forwarded-for': address });

    test('each is honoured, and Retry-After says when the next request fits: then it is served', async () => {
      const chatToken = () => fetch(`${api.base}/api/directline/token`, { method: 'POST', headers: from('198.51.100.7') });
      expect([(await chatToken()).status, (await chatToken()).status, (await chatToken()).status]).toEqual([200, 200, 200]);
      const refusedToken = await chatToken();
      expect(refusedToken.status).toBe(429);
      // Six a minute: one every ten seconds.
      expect(refusedToken.headers.get('retry-after')).toBe('10');

      const start = () => api.request('POST', '/conversations', { auth: api.secret, headers: from('203.0.113.9') });
      expect([(await start()).status, (await start()).status]).toEqual([201, 201]);
      const refusedStart = await start();
      expectError(refusedStart, 429, 'TooManyRequests');
      expect(refusedStart.headers.get('retry-after')).toBe('15');

      const a = await api.start('dl_a', from('203.0.113.10'));
      expect([(await api.post(a, { type: 'typing' })).status, (await api.post(a, { type: 'typing' })).status, (await api.post(a, { type: 'typing' })).status]).toEqual([200, 200, 429]);
      expect((await api.upload(a, PNG, { 'content-type': 'image/png' })).status).toBe(200);
      const refusedUpload = await api.upload(a, PNG, { 'content-type': 'image/png' });
      expectError(refusedUpload, 429, 'TooManyRequests');
      expect(refusedUpload.headers.get('retry-after')).toBe('30');

      const sockets = await Promise.all([0, 1, 2].map(() => openSocket(`${a.streamUrl.split('?')[0]}?t=forged`, from('192.0.2.66'))));
      expect(sockets.map((attempt) => attempt.status)).toEqual([403, 403, 429]);

      clock.advance(30_000);
      expect((await chatToken()).status).toBe(200);
      expect((await start()).status).toBe(201);
      expect((await api.upload(a, PNG, { 'content-type': 'image/png' })).status).toBe(200);
    });
  });

  describe('the WebSocket stream', () => {
    beforeEach(() => startService());

    test('replays the log, then streams each activity as it is logged, as {activities, watermark} frames', async () => {
      const a = await api.start('dl_a');
      const socket = await openSocket(a.streamUrl);
      expect(socket.status).toBe(101);
      const replay = await frameWith(socket, `${a.conversationId}|0000002`);
      expect(replay.watermark).toBe('2');
      expect(replay.activities.map((activity) => activity.id)).toEqual([`${a.conversationId}|0000001`, `${a.conversationId}|0000002`]);

      const posted = await api.post(a, { type: 'message', text: 'English', channelData: { clientActivityID: 'web-1' } });
      const own = await frameWith(socket, (posted.json as { id: string }).id);
      expect(own.activities).toEqual([expect.objectContaining({ text: 'English', from: { id: 'dl_a', name: '', role: 'user' }, channelData: { clientActivityID: 'web-1' } })]);
      const logged = await api.activities(a);
      await frameWith(socket, String(logged[logged.length - 1].id));
      const streamed = socket.frames.flatMap((frame) => frame.activities);
      expect(streamed).toEqual(logged);
      expect(socket.frames.map((frame) => Number(frame.watermark))).toEqual(socket.frames.map((frame) => Number(String(frame.activities[frame.activities.length - 1].id).split('|')[1])));
    });

    test('with a watermark, replays only what follows it', async () => {
      const a = await api.start('dl_a');
      const socket = await openSocket(`${a.streamUrl}&watermark=1`);
      const frame = await frameWith(socket, `${a.conversationId}|0000002`);
      expect(socket.frames.flatMap((candidate) => candidate.activities).map((activity) => activity.id)).toEqual([`${a.conversationId}|0000002`]);
      expect(frame.watermark).toBe('2');
    });

    interface BadSocket {
      name: string;
      status: number;
      url: (c: { a: Started; b: Started; wsBase: string }) => string;
      before?: () => void;
    }
    const badSockets: BadSocket[] = [
      { name: 'no token', status: 403, url: ({ a }) => a.streamUrl.split('?')[0] },
      { name: 'a token that is not one', status: 403, url: ({ a }) => `${a.streamUrl.split('?')[0]}?t=abc.def.ghi` },
      { name: 'the conversation token instead of a stream token', status: 403, url: ({ a }) => `${a.streamUrl.split('?')[0]}?t=${encodeURIComponent(a.token)}` },
      { name: 'another conversation\'s stream token', status: 403, url: ({ a, b }) => `${a.streamUrl.split('?')[0]}?t=${encodeURIComponent(streamTokenOf(b))}` },
      { name: 'an expired stream token (5 minutes)', status: 403, url: ({ a }) => a.streamUrl, before: () => clock.advance(5 * 60 * 1000) },
      { name: 'a conversation id that cannot be one', status: 404, url: ({ a, wsBase }) => `${wsBase}/v3/directline/conversations/short/stream?t=${encodeURIComponent(streamTokenOf(a))}` },
      { name: 'a path that is not a stream', status: 404, url: ({ wsBase }) => `${wsBase}/healthz` },
    ];

    test.each(badSockets)('refuses $name with $status, at once, and the service keeps serving', async ({ status, url, before }) => {
      const a = await api.start('dl_a');
      const b = await api.start('dl_b');
      before?.();
      const attempt = await openSocket(url({ a, b, wsBase: api.base.replace(/^http/, 'ws') }));
      expect(attempt.status).toBe(status);
      await api.expectHealthy();
    });

    test('a client that sends more than pings is disconnected (1009), and the service keeps serving', async () => {
      const a = await api.start('dl_a');
      const attempt = await openSocket(a.streamUrl);
      attempt.socket?.send('');
      attempt.socket?.send('x'.repeat(2000));
      expect(await attempt.closed).toBe(1009);
      await api.expectHealthy();
      expect((await openSocket(a.streamUrl)).status).toBe(101);
    });
  });
});
