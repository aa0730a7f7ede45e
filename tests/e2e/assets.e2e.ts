import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PAGE_CSP } from '../../bot/web/pageRoutes';
import { type Service, startService } from './support/harness';

/**
 * What the chat page's routes answer, over HTTP and without a browser: the page from its build (dist/web/page),
 * everything it references under a content-hashed name, compressed as the browser asks, and nothing else.
 */

let service: Service;
let html: string;
/** What index.html references: Web Chat, the page's script and stylesheet, the icon, the preloaded font. */
let referenced: string[];

beforeAll(async () => {
  service = await startService();
  html = await (await get('/')).text();
  referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] as string);
});
afterAll(async () => {
  await service.close();
});

function get(route: string, init?: RequestInit): Promise<Response> {
  return fetch(`${service.baseUrl}${route}`, init);
}

/** Node's fetch decompresses by itself: the raw bytes come from asking for exactly one coding and reading them as sent. */
async function raw(route: string, acceptEncoding: string): Promise<{ response: Response; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${service.baseUrl}${route}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve({ response: new Response(null, { status: res.statusCode ?? 0, headers }), body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

test('the page references its script, styles and icon by content-hashed names, and no inline script or style', () => {
  const hashed = (name: string, extension: string) => expect.stringMatching(new RegExp(`^/assets/${name}-[A-Za-z0-9_-]{8}\\.${extension}$`));
  expect(referenced).toEqual(expect.arrayContaining([hashed('webchat', 'js'), hashed('index', 'js'), hashed('index', 'css'), hashed('favicon', 'svg'), hashed('sarabun-thai-400-normal', 'woff2')]));
  expect(referenced).toHaveLength(5);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=/);
});

test('every file the page references is served as its type, never sniffed, kept for a year', async () => {
  for (const route of referenced) {
    const response = await get(route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text\/javascript; charset=utf-8|text\/css; charset=utf-8|image\/svg\+xml|font\/woff2)$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBeNull();
  }
});

test('the page carries the Content-Security-Policy, which allows scripts from this origin only, and is revalidated', async () => {
  const page = await get('/');
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toBe(PAGE_CSP);
  expect(PAGE_CSP).toContain("script-src 'self';");
  expect(PAGE_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
});

test('the bundle goes out as brotli to a browser that takes it, gzip to one that takes only that, and as it is otherwise', async () => {
  const script = referenced.find((route) => route.endsWith('.js')) as string;
  const plain = await raw(script, 'identity');
  const br = await raw(script, 'gzip, deflate, br, zstd');
  const gz = await raw(script, 'gzip');
  expect(plain.response.headers.get('content-encoding')).toBeNull();
  expect(br.response.headers.get('content-encoding')).toBe('br');
  expect(gz.response.headers.get('content-encoding')).toBe('gzip');
  expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  for (const { response, body } of [plain, br, gz]) {
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
  }
  expect(br.body.length).toBeLessThan(plain.body.length / 4);
});

test("Web Chat's own bundle runs before the page's script, unchanged, under a name made from its content", async () => {
  const webChat = referenced.find((route) => route.startsWith('/assets/webchat-')) as string;
  const packaged = readFileSync(path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'));
  expect(webChat).toBe(`/assets/webchat-${createHash('sha256').update(packaged).digest('base64url').slice(0, 8)}.js`);
  expect(Buffer.from(await (await get(webChat)).arrayBuffer()).equals(packaged)).toBe(true);
  expect(html.indexOf(webChat)).toBeLessThan(html.indexOf('/assets/index-'));
  expect(html).toContain(`<script src="${webChat}" defer></script>`);
});

test('a browser holding the current version gets a 304 without a body; HEAD answers the headers', async () => {
  const first = await get('/');
  const etag = first.headers.get('etag') ?? '';
  const again = await get('/', { headers: { 'if-none-match': `W/${etag}, "other"` } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  const stale = await get('/', { headers: { 'if-none-match': '"stale"' } });
  expect(stale.status).toBe(200);
  const head = await get(referenced[0] as string, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
});

test.each([
  '/index.html',
  '/app.js',
  '/styles.css',
  '/webchat/webchat.js',
  '/fonts/sarabun.css',
  '/fonts/sarabun-thai-400-normal.woff2',
  '/.vite/manifest.json',
  '/assets/',
  '/assets/..%2f..%2fpackage.json',
  '/assets/%2e%2e/%2e%2e/package.json',
  '/assets/..%2findex.html',
  '/page/app.js',
  '/officer/officer.js',
])('%s is not one of the page files: 404', async (route) => {
  const response = await get(route);
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type') ?? '').not.toMatch(/javascript|font|html/);
});

test("a compressed sibling is never a route of its own, and a hashed name's variants are not guessed", async () => {
  for (const route of referenced) {
    expect((await get(`${route}.br`)).status).toBe(404);
    expect((await get(`${route}.gz`)).status).toBe(404);
    expect((await get(`${route}%00.png`)).status).toBe(404);
  }
});
