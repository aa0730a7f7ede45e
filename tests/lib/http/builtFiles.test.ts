import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { IMMUTABLE, loadBuiltApp, REVALIDATE, serveBuiltApp } from '../../../lib/http/builtFiles';
import { precompressDirectory } from '../../../lib/http/precompress';

/**
 * A built app served over real HTTP: a build output made here (as Vite lays it out, compressed by the build's own
 * step), read once by loadBuiltApp and answered by a restify server configured as the service's is.
 */

const SCRIPT = `console.log(${JSON.stringify('ศูนย์ดำรงธรรม '.repeat(400))});\n`;
const FONT = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));

let dir: string;
let server: Server;
let base: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request as a browser sends it, the body read as sent (node:http does not decompress). */
function send(route: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${route}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'built-app-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, '.vite'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/app/assets/index-Ab3_x-9Z.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'index-Ab3_x-9Z.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'sarabun-thai-400-normal-C2DaJlKK.woff2'), FONT);
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  writeFileSync(path.join(dir, '.vite', 'manifest.json'), '{}');
  expect(precompressDirectory(dir)).toBe(3);

  const app = loadBuiltApp(dir, { base: '/app/', pagePaths: ['/app'], name: 'test app' });
  server = restify.createServer({ ignoreTrailingSlash: true });
  serveBuiltApp(server, app, new Map([['/app', { 'content-security-policy': "default-src 'self'" }]]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const JS = '/app/assets/index-Ab3_x-9Z.js';

test.each([
  ['gzip, deflate, br, zstd', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
  ['gzip;q=0, br;q=0', undefined],
  ['identity', undefined],
  ['', undefined],
])('Accept-Encoding %p gets the script as %p, with its length, type and Vary', async (acceptEncoding, coding) => {
  const answer = await send(JS, { 'accept-encoding': acceptEncoding });
  expect(answer.status).toBe(200);
  expect(answer.headers['content-encoding']).toBe(coding);
  expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(answer.headers.vary).toBe('Accept-Encoding');
  expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  const decoded = coding === 'br' ? brotliDecompressSync(answer.body) : coding === 'gzip' ? gunzipSync(answer.body) : answer.body;
  expect(decoded.toString('utf8')).toBe(SCRIPT);
  if (coding) expect(answer.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
});

test('a client that refuses every coding and the body as it is gets 406, not a body it cannot read', async () => {
  const answer = await send(JS, { 'accept-encoding': 'br;q=0, gzip;q=0, identity;q=0' });
  expect(answer.status).toBe(406);
  expect(answer.headers.vary).toBe('Accept-Encoding');
});

test('hashed files are kept a year; the page and unhashed files are revalidated; the page carries its own headers', async () => {
  expect((await send(JS)).headers['cache-control']).toBe(IMMUTABLE);
  expect((await send('/app/assets/sarabun-thai-400-normal-C2DaJlKK.woff2')).headers['cache-control']).toBe(IMMUTABLE);
  const page = await send('/app', { 'accept-encoding': 'br' });
  expect(page.headers['cache-control']).toBe(REVALIDATE);
  expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(page.headers['content-security-policy']).toBe("default-src 'self'");
  expect(brotliDecompressSync(page.body).toString()).toContain('<title>app</title>');
  expect((await send('/app/')).status).toBe(200);
  expect((await send('/app/robots.txt')).headers['cache-control']).toBe(REVALIDATE);
  expect((await send(JS)).headers['content-security-policy']).toBeUndefined();
});

test('a font, compressed already, goes out as it is whatever the client accepts, with no Vary', async () => {
  const answer = await send('/app/assets/sarabun-thai-400-normal-C2DaJlKK.woff2', { 'accept-encoding': 'br, gzip' });
  expect(answer.headers['content-type']).toBe('font/woff2');
  expect(answer.headers['content-encoding']).toBeUndefined();
  expect(answer.headers.vary).toBeUndefined();
  expect(answer.body.equals(FONT)).toBe(true);
});

test('If-None-Match with the tag of the representation the client holds gets 304 without a body; another coding\'s tag does not', async () => {
  const br = await send(JS, { 'accept-encoding': 'br' });
  const gzip = await send(JS, { 'accept-encoding': 'gzip' });
  const plain = await send(JS);
  const tags = new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]);
  expect(tags.size).toBe(3);
  const again = await send(JS, { 'accept-encoding': 'br', 'if-none-match': `"other", ${br.headers.etag as string}` });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  expect(again.headers.etag).toBe(br.headers.etag);
  expect(again.headers['cache-control']).toBe(IMMUTABLE);
  expect(again.headers.vary).toBe('Accept-Encoding');
  expect((await send(JS, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag as string })).status).toBe(200);
  expect((await send(JS, { 'if-none-match': `W/${plain.headers.etag as string}` })).status).toBe(304);
});

test('HEAD answers the headers a GET would, without the body', async () => {
  const get = await send(JS, { 'accept-encoding': 'gzip' });
  const head = await send(JS, { 'accept-encoding': 'gzip' }, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
  for (const name of ['content-length', 'content-encoding', 'content-type', 'etag', 'cache-control', 'vary']) expect(head.headers[name]).toBe(get.headers[name]);
});

test.each([
  '/app/index.html',
  '/app/.vite/manifest.json',
  `${JS}.br`,
  `${JS}.gz`,
  '/app/assets/',
  '/app/assets/..%2findex.html',
  '/app/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/app/assets/..%2f..%2f.vite%2fmanifest.json',
  '/app/../app/assets/index-Ab3_x-9Z.js%00.png',
  '/app/assets/index-Ab3_x-9Z.JS',
  '/assets/index-Ab3_x-9Z.js',
])('%s is not one of the built files: 404', async (route) => {
  expect((await send(route)).status).toBe(404);
});

test('a file added to the build output after start-up is not served: the set was read once', async () => {
  writeFileSync(path.join(dir, 'assets', 'late-AAAAAAAA.js'), 'late');
  expect((await send('/app/assets/late-AAAAAAAA.js')).status).toBe(404);
});

test('an app that was not built, or whose compressed siblings are missing, stops the start-up with what to run', () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'built-app-'));
  try {
    expect(() => loadBuiltApp(empty, { base: '/', pagePaths: ['/'], name: 'chat page' })).toThrow(/chat page has not been built.*npm run build:web/);
    writeFileSync(path.join(empty, 'index.html'), '<!doctype html>');
    expect(() => loadBuiltApp(empty, { base: '/', pagePaths: ['/'], name: 'chat page' })).toThrow(/index\.html\.br is missing.*npm run build:web/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
