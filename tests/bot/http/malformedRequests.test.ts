import net from 'node:net';
import { freePort, type ServiceProcess, startService, waitForOk } from '../../helpers/serviceProcess';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Requests Node's HTTP parser lets through but no URL can be made of — a malformed Host header, an absolute-form
 * target with a broken host — sent on a raw socket to the built entry point, started as in production. Each
 * gets a 400 in the service's error shape, on every kind of route and on WebSocket upgrades, and the process
 * keeps serving; its log shows that no error escaped to the process's last line of defence.
 */

const APP_ID = '0d4a9c3e-8f1b-4c5d-9e7f-1a2b3c4d5e6f';
const BAD_HOSTS = ['a<b', 'a|b', 'a b', '[zz]', 'a:99999', '%%%'];
/** A route of each kind: health, the pages, Direct Line, the chat token, the officer API, the Azure endpoint, and no route at all. */
const ROUTES: Array<[string, string]> = [
  ['GET', '/healthz'],
  ['GET', '/'],
  ['GET', '/officer'],
  ['POST', '/v3/directline/conversations'],
  ['GET', '/v3/directline/conversations/abcdefgh12345678/activities'],
  ['POST', '/api/directline/token'],
  ['POST', '/api/officer/session'],
  ['POST', '/api/messages'],
  ['GET', '/nowhere'],
];
const UPGRADE_HEADERS = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

interface RawAnswer {
  statusLine: string;
  body: string;
}

/** Sends bytes on a fresh connection and reads the answer until the service closes it. */
function raw(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    // An answer that never comes fails the test here rather than at jest's timeout.
    socket.setTimeout(5000, () => socket.destroy());
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { received += chunk; });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...body] = received.split('\r\n\r\n');
      resolve({ statusLine: head.split('\r\n')[0], body: body.join('\r\n\r\n') });
    });
  });
}

/** Opens an upgrade and resets the connection at once, before the service has answered it. */
function resetDuringUpgrade(port: number, path: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nCookie: ddb_officer=abc\r\n${UPGRADE_HEADERS}\r\n`, () => {
        socket.resetAndDestroy();
        resolve();
      });
    });
    socket.on('error', () => undefined);
  });
}

function expectBadRequest(answer: RawAnswer): void {
  expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
  expect(JSON.parse(answer.body)).toEqual({ error: { code: 'BadRequest', message: 'The Host header or the request target is not a valid URL' } });
}

describe('malformed requests against the service as run in production', () => {
  let service: ServiceProcess;
  let port: number;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    port = await freePort();
    service = startService({ PORT: String(port), HOST: '127.0.0.1', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-password' }, temp.dir);
    await waitForOk(`http://127.0.0.1:${port}/healthz`, 15000);
  });

  afterAll(async () => {
    service.child.kill('SIGTERM');
    await service.exited;
    cleanup();
  });

  test.each(BAD_HOSTS)('Host: %s gets 400 on every kind of route, and the service goes on', async (host) => {
    for (const [method, path] of ROUTES) {
      const body = method === 'POST' ? 'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' : '\r\n';
      expectBadRequest(await raw(port, `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${body}`));
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  test('an absolute-form target whose host is not a URL gets 400', async () => {
    for (const [method, path] of ROUTES) {
      expectBadRequest(await raw(port, `${method} http://[zz]${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`));
    }
    // A well-formed absolute-form target is served like its path.
    const served = await raw(port, `GET http://127.0.0.1:${port}/healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(served.statusLine).toBe('HTTP/1.1 200 OK');
  });

  test('WebSocket upgrades with a bad Host or target get 400; a client resetting mid-upgrade stops nothing', async () => {
    for (const path of ['/api/officer/stream', '/v3/directline/conversations/abcdefgh12345678/stream', '/nowhere']) {
      expect((await raw(port, `GET http://[zz]${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${UPGRADE_HEADERS}\r\n`)).statusLine).toBe('HTTP/1.1 400 Bad Request');
      for (const host of BAD_HOSTS) {
        expect((await raw(port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${UPGRADE_HEADERS}\r\n`)).statusLine).toBe('HTTP/1.1 400 Bad Request');
      }
    }
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await resetDuringUpgrade(port, '/api/officer/stream');
      await resetDuringUpgrade(port, '/v3/directline/conversations/abcdefgh12345678/stream?t=forged');
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  test('afterwards the process is alive and serving, nothing reached its last line of defence, and the refused requests are logged', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(service.child.exitCode).toBeNull();
    const lines = service.stdout().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => /uncaught|unhandled/.test(String(line.msg)))).toEqual([]);
    expect(lines.filter((line) => line.msg === 'request' && line.status === 400 && line.path === '-').length).toBeGreaterThanOrEqual(BAD_HOSTS.length * ROUTES.length);
    expect(service.stderr()).not.toMatch(/TypeError|Invalid URL/);
  });
});
