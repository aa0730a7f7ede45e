import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FONT_FILES, PAGE_CSP, WEBCHAT_PATH } from '../../bot/web/pageRoutes';
import { type Service, startService } from './support/harness';

/**
 * What the chat page's routes answer, over HTTP and without a browser: the types, the caching, and that only
 * the fixed set of files can ever be asked for.
 */

let service: Service;

beforeAll(async () => {
  service = await startService();
});
afterAll(async () => {
  await service.close();
});

function get(route: string, init?: RequestInit): Promise<Response> {
  return fetch(`${service.baseUrl}${route}`, init);
}

const webChatBundle = readFileSync(path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'));

test.each([
  ['/', 'text/html; charset=utf-8'],
  ['/app.js', 'text/javascript; charset=utf-8'],
  ['/styles.css', 'text/css; charset=utf-8'],
  ['/fonts/sarabun.css', 'text/css; charset=utf-8'],
  ['/favicon.svg', 'image/svg+xml'],
  [WEBCHAT_PATH, 'text/javascript; charset=utf-8'],
  ...FONT_FILES.map((file) => [`/fonts/${file}`, 'font/woff2']),
])('%s is served as %s, never sniffed', async (route, type) => {
  const response = await get(route);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(Number(response.headers.get('content-length'))).toBe((await response.arrayBuffer()).byteLength);
});

test('only the page carries the Content-Security-Policy, and it allows this origin only', async () => {
  const page = await get('/');
  expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
  expect(PAGE_CSP).toContain("script-src 'self';");
  expect(PAGE_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  expect((await get('/app.js')).headers.get('content-security-policy')).toBeNull();
});

test('the page loads the bundle by its content hash, which browsers may keep for a year', async () => {
  const html = await (await get('/')).text();
  const version = createHash('sha256').update(webChatBundle).digest('hex').slice(0, 16);
  expect(html).toContain(`<script src="${WEBCHAT_PATH}?v=${version}" defer></script>`);
  expect(html).not.toContain('%WEBCHAT_VERSION%');
  const bundle = await get(`${WEBCHAT_PATH}?v=${version}`);
  expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(Buffer.from(await bundle.arrayBuffer()).equals(webChatBundle)).toBe(true);
  // Our own files change with each deploy: revalidated every time.
  expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
  expect((await get('/app.js')).headers.get('cache-control')).toBe('no-cache');
});

test('a browser holding the current version gets a 304 without a body; HEAD answers the headers', async () => {
  const first = await get('/styles.css');
  const etag = first.headers.get('etag') ?? '';
  const again = await get('/styles.css', { headers: { 'if-none-match': `W/${etag}, "other"` } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  const stale = await get('/styles.css', { headers: { 'if-none-match': '"stale"' } });
  expect(stale.status).toBe(200);
  const head = await get('/app.js', { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(await head.text()).toBe('');
});

test.each([
  '/index.html',
  '/fonts/sarabun-thai-800-normal.woff2',
  '/fonts/sarabun-thai-400-normal.woff',
  '/fonts/..%2f..%2fpackage.json',
  '/fonts/%2e%2e/%2e%2e/package.json',
  '/webchat/webchat.js.map',
  '/webchat/..%2fwebchat-minimal.js',
  '/page/app.js',
  '/app.js%00.png',
])('%s is not one of the page files: 404', async (route) => {
  const response = await get(route);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type') ?? '').not.toMatch(/javascript|font|html/);
});
