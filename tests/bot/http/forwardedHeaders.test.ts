import { buildTestApp, type TestApp } from '../../helpers/testApp';

/**
 * Behind trusted reverse proxies, over real HTTP: the client is the address the outermost trusted proxy saw,
 * counted from the right of X-Forwarded-For, so a client that writes its own entries to the left cannot escape
 * a rate limit; X-Forwarded-Proto is read from the same proxy's entry.
 */

describe('X-Forwarded-* behind trusted proxies', () => {
  let t: TestApp;
  let base: string;
  // The chat token's limit set to what the sign-in's is, ten at once, so that one loop counts both.
  const start = async (env: Record<string, string>) => {
    t = await buildTestApp({ RATE_LIMIT_CHAT_TOKENS: '10/2', ...env });
    base = await t.listen();
  };
  afterEach(async () => t.close());

  const chatToken = (headers: Record<string, string>) => fetch(`${base}/api/directline/token`, { method: 'POST', headers });
  // Right passwords: wrong ones would meet the per-network backoff first (tests/handoff/signIn.test.ts).
  const signIn = (headers: Record<string, string>) =>
    fetch(`${base}/api/officer/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'cm.officer', password: 'a-long-password-1' }) });

  test('one proxy: rotating the leftmost entry does not escape the chat token\'s limit or the sign-in limit', async () => {
    await start({ TRUST_PROXY: 'true' });
    await t.app.officers.create({ username: 'cm.officer', displayName: 'สมชาย', role: 'officer', centres: ['50'], password: 'a-long-password-1' }, false);
    for (const [name, send, allowed] of [['chat token', chatToken, 200], ['sign-in', signIn, 200]] as const) {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) statuses.push((await send({ 'x-forwarded-for': `10.9.${i}.1, 203.0.113.7` })).status);
      expect({ name, statuses }).toEqual({ name, statuses: [...Array.from({ length: 10 }, () => allowed), 429] });
      // Another client behind the same proxy is still served.
      expect((await send({ 'x-forwarded-for': '10.9.0.1, 203.0.113.8' })).status).toBe(allowed);
    }
  });

  test('two proxies: the entry the outer one wrote is the client; the leftmost is ignored, the middle one counts', async () => {
    await start({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' });
    for (let i = 0; i < 10; i += 1) expect((await chatToken({ 'x-forwarded-for': `forged-${i}, 198.51.100.9, 10.0.0.2` })).status).toBe(200);
    expect((await chatToken({ 'x-forwarded-for': 'forged-x, 198.51.100.9, 10.0.0.2' })).status).toBe(429);
    expect((await chatToken({ 'x-forwarded-for': 'forged-x, 198.51.100.10, 10.0.0.2' })).status).toBe(200);
    // The inner proxy's own entry is not the client: every client behind the outer proxy shares it.
    expect((await chatToken({ 'x-forwarded-for': 'forged-y, 198.51.100.11, 10.0.0.2' })).status).toBe(200);
  });

  test('X-Forwarded-Proto comes from the same proxy: https only when the outermost trusted proxy says so', async () => {
    const secureCookie = async (proto: string) => /;\s*Secure/i.test((await chatToken({ 'x-forwarded-proto': proto })).headers.get('set-cookie') ?? '');
    await start({ TRUST_PROXY: 'true' });
    expect(await secureCookie('https')).toBe(true);
    expect(await secureCookie('https, http')).toBe(false);
    expect(await secureCookie('http, https')).toBe(true);
    await t.close();
    await start({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '2' });
    expect(await secureCookie('http, https, http')).toBe(true);
    expect(await secureCookie('https, http, http')).toBe(false);
    // Proxies that set the header rather than append to it leave one entry: that one.
    expect(await secureCookie('https')).toBe(true);
  });

  test('without TRUST_PROXY the headers count for nothing: the socket\'s address is the client', async () => {
    await start({});
    for (let i = 0; i < 10; i += 1) expect((await chatToken({ 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(200);
    expect((await chatToken({ 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
  });
});
