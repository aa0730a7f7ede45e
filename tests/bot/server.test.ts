import { CloudAdapter } from 'botbuilder';
import { createServer } from '../../bot/server';
import { buildTestApp, type TestApp } from '../helpers/testApp';
import { captureLogs } from '../helpers/logCapture';
import { incomingMessage } from '../helpers/activities';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../lib/store/types';

const APP_ID = '0d4a9c3e-8f1b-4c5d-9e7f-1a2b3c4d5e6f';

describe('the HTTP service', () => {
  let t: TestApp;
  let url: string;
  beforeEach(async () => {
    t = await buildTestApp();
    url = await t.listen();
  });
  afterEach(async () => t.close());

  test('/healthz says the process is alive, with a request id', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a caller\'s request id is kept when it is safe, replaced when it is not', async () => {
    const kept = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1234abcd');
    const replaced = await fetch(`${url}/healthz`, { headers: { 'x-request-id': '{"level":60}' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('/readyz says whether the store answers', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'embedded' });
    jest.spyOn(t.store, 'ping').mockRejectedValueOnce(new Error('disk gone'));
    const down = await fetch(`${url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', store: 'embedded' });
  });

  test('unknown paths and methods get precise errors in one shape', async () => {
    const missing = await fetch(`${url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NotFound', message: expect.any(String) } });
    const wrongMethod = await fetch(`${url}/healthz`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { error: { code: string } }).error.code).toBe('MethodNotAllowed');
  });

  test('without an Azure app id there is no /api/messages', async () => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
  });

  test('logs each request with its id, status and path, never its query string', async () => {
    await fetch(`${url}/healthz?token=secret-value`, { headers: { 'x-request-id': 'trace-abcdef12' } });
    const line = t.logs.lines().find((entry) => entry.msg === 'request' && entry.reqId === 'trace-abcdef12');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
    expect(typeof line?.ms).toBe('number');
    expect(t.logs.text()).not.toContain('secret-value');
  });
});

describe('the Azure Bot Service endpoint', () => {
  let t: TestApp;
  let url: string;
  let consoleError: jest.SpyInstance;
  beforeEach(async () => {
    // Failures are the service's to log: nothing of them may reach the console, as CloudAdapter.process would do.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    t = await buildTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-a-real-password' });
    url = await t.listen();
  });
  afterEach(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${url}/api/messages`, { method: 'POST', headers, body });

  test('refuses a request without Bot Framework authentication, and runs no turn', async () => {
    const activity = incomingMessage('hello', { channelId: 'msteams' });
    const response = await post(JSON.stringify(activity));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'Unauthorized', message: 'The request does not carry valid Bot Framework authentication' } });
    expect(t.connector.sent).toHaveLength(0);
    expect(consoleError).not.toHaveBeenCalled();
  });

  test('refuses a forged token', async () => {
    const response = await post(JSON.stringify(incomingMessage('hello', { channelId: 'msteams' })), {
      'content-type': 'application/json',
      authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
  });

  test('a failure inside the Bot Framework\'s processing gets a generic 500; its details go to the log, not its text', async () => {
    // Offline, validating a token fails while fetching Azure's signing keys; the error's text names hosts and addresses.
    const internals = 'request to https://login.botframework.com/v1/.well-known/openidconfiguration failed, reason: getaddrinfo ENOTFOUND';
    const failure = Object.assign(new Error(internals), { name: 'FetchError', code: 'ENOTFOUND' });
    jest.spyOn(CloudAdapter.prototype as unknown as { processActivity: () => Promise<unknown> }, 'processActivity').mockRejectedValueOnce(failure);
    const response = await post(JSON.stringify(incomingMessage('hello', { channelId: 'msteams' })), { 'content-type': 'application/json', 'x-request-id': 'azure-failure-1', authorization: 'Bearer x.y.z' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'ServiceError', message: 'The service could not complete the request' } });
    const logged = t.logs.lines().find((line) => line.msg === 'request failed' && line.reqId === 'azure-failure-1');
    expect(logged).toMatchObject({ status: 500, err: { name: 'FetchError', code: 'ENOTFOUND' } });
    expect(t.logs.text()).not.toContain('login.botframework.com');
    expect(consoleError).not.toHaveBeenCalled();
  });

  test('malformed, non-object and oversized bodies get a precise 4xx', async () => {
    expect((await post('{"type": "message",')).status).toBe(400);
    expect((await post('[1, 2]')).status).toBe(400);
    expect((await post(JSON.stringify({ text: 'x'.repeat(300 * 1024) }))).status).toBe(413);
    const afterwards = await fetch(`${url}/healthz`);
    expect(afterwards.status).toBe(200);
  });
});

describe('shutdown', () => {
  test('/readyz answers 503 once shutdown begins', async () => {
    const logs = captureLogs();
    const store = { kind: 'embedded', ping: async () => undefined } as unknown as Store;
    const server = createServer({ logger: logs.logger, store, lifecycle: { isShuttingDown: () => true } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'shutting-down' });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('finishes running turns before it closes the store, and refuses new ones', async () => {
    const t = await buildTestApp();
    await t.listen();
    const order: string[] = [];
    const realClose = t.store.close.bind(t.store);
    t.store.close = async () => {
      order.push('store closed');
      await realClose();
    };
    const slowTurn = t.app.adapter.processActivity(incomingMessage('slow'), async (context) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await context.sendActivity('done');
      order.push('turn finished');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const closing = t.close();
    await expect(t.app.adapter.processActivity(incomingMessage('late'), async () => undefined)).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    await closing;
    await slowTurn;
    expect(order).toEqual(['turn finished', 'store closed']);
    expect(t.connector.textsFor('conv-1')).toEqual(['done']);
  });
});
