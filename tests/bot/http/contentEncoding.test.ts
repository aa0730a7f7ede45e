import net from 'node:net';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * Compressed request bodies over real HTTP: a gzip bomb (64 KB that inflates to 64 MB) is refused with 415 on
 * every kind of route, before authentication and before its body is read, and the service's memory does not
 * grow with it.
 */

const APP_ID = '0d4a9c3e-8f1b-4c5d-9e7f-1a2b3c4d5e6f';
const MB = 1024 * 1024;

/** 64 MB of JSON whitespace, gzipped, built a megabyte at a time so that the test itself does not hold 64 MB. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const blank = Buffer.alloc(MB, 0x20);
  for (let i = 0; i < 64; i += 1) gzip.write(blank);
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(parts);
}

interface Target {
  kind: string;
  path: string;
  headers: Record<string, string>;
}

describe('compressed request bodies', () => {
  let t: TestApp;
  let base: string;
  let port: number;
  let bomb: Buffer;
  let targets: Target[];

  beforeAll(async () => {
    bomb = await gzipBomb();
  });

  beforeEach(async () => {
    t = await buildTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-password' });
    base = await t.listen();
    port = Number(new URL(base).port);
    // A real conversation token, so that the Direct Line routes would otherwise go on to read the body.
    const chat = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const auth = { authorization: `Bearer ${chat.token}` };
    targets = [
      { kind: 'Direct Line activity (JSON parser)', path: `/v3/directline/conversations/${chat.conversationId}/activities`, headers: { ...auth, 'content-type': 'application/json' } },
      { kind: 'Direct Line upload (raw image reader)', path: `/v3/directline/conversations/${chat.conversationId}/upload`, headers: { ...auth, 'content-type': 'image/png' } },
      { kind: 'chat page token (JSON parser)', path: '/api/directline/token', headers: { 'content-type': 'application/json' } },
      { kind: 'officer sign-in (JSON parser)', path: '/api/officer/session', headers: { 'content-type': 'application/json' } },
      { kind: 'officer reply (hand-read JSON)', path: '/api/officer/conversations/dGVzdC9hYmM/messages', headers: { 'content-type': 'application/json' } },
      { kind: 'Azure endpoint (JSON parser)', path: '/api/messages', headers: { 'content-type': 'application/json' } },
      { kind: 'no route', path: '/nowhere', headers: { 'content-type': 'application/json' } },
    ];
  });
  afterEach(async () => t.close());

  test('a gzip bomb gets 415 on every kind of route before its body is even sent in full', async () => {
    for (const target of targets) {
      // Only the first kilobyte of the body is sent: the answer has to come without the rest.
      const socket = net.connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const headers = Object.entries({ ...target.headers, 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      socket.write(`POST ${target.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`);
      socket.write(bomb.subarray(0, 1024));
      const received = await new Promise<string>((resolve) => {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\r\n\r\n')) resolve(text);
        });
        // No answer while the body is incomplete fails the test here rather than at jest's timeout.
        socket.setTimeout(5000, () => socket.destroy());
        socket.on('close', () => resolve(text));
      });
      socket.destroy();
      expect({ kind: target.kind, status: received.split('\r\n')[0] }).toEqual({ kind: target.kind, status: 'HTTP/1.1 415 Unsupported Media Type' });
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  test('whole bombs, eight at once on each route, leave memory where it was', async () => {
    const before = process.memoryUsage().rss;
    for (const target of targets) {
      const answers = await Promise.all(Array.from({ length: 8 }, () =>
        fetch(`${base}${target.path}`, { method: 'POST', headers: { ...target.headers, 'content-encoding': 'gzip' }, body: bomb })));
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 8 }, () => 415));
      const body = (await answers[0].json()) as { error: { code: string; message: string } };
      // Each API in its own codes (the officer API's: lib/contract/officer/errors.ts).
      expect(body.error.code).toBe(target.path.startsWith('/api/officer/') ? 'unsupported-media-type' : 'UnsupportedMediaType');
    }
    // A sanity bound, not a measurement: inflating these bodies would take 8 × 64 MB per route.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  test.each(['deflate', 'br', 'identity', 'gzip, identity'])('Content-Encoding: %s is refused too; the same body uncompressed is read', async (encoding) => {
    const refused = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: '{"username":"nobody","password":"wrong-password-1"}' });
    expect(refused.status).toBe(415);
    const read = await fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"nobody","password":"wrong-password-1"}' });
    expect(read.status).toBe(401);
  });
});
