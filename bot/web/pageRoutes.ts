import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

/**
 * The citizen chat page (`/`), its script and styles, the Web Chat bundle and the Sarabun fonts, all served by
 * the service itself: the page makes no request to any other origin. Every path is an entry in a fixed map
 * built at start-up, so no request can name a file of its own choosing, and no file is read per request.
 */

export const PAGE_PATH = '/';
export const WEBCHAT_PATH = '/webchat/webchat.js';
/** In index.html, replaced by the bundle's content hash so that browsers can keep the 3.9 MB bundle for a year. */
const WEBCHAT_VERSION_MARK = '%WEBCHAT_VERSION%';

/**
 * The page's Content-Security-Policy. 'self' matches ws: and wss: on the page's own host and port (CSP level 3,
 * as Chrome and Edge implement it), so the Direct Line stream needs no wider connect-src. Web Chat holds a
 * chosen photo as a blob: URL and directlinejs reads it back with XMLHttpRequest before uploading it, hence
 * blob: in connect-src. Web Chat injects its styles as <style> elements and Adaptive Cards set style
 * attributes, hence 'unsafe-inline' for styles only. Web Chat draws some icons from data: URLs (the Markdown
 * external-link mark, a 1×1 placeholder) and shows a chosen photo's thumbnail from a blob: URL, made in a Web
 * Worker that is itself built from a blob: URL, hence data: and blob: for images and blob: for workers. Each of
 * these was found by the browser tests, which fail on any CSP report. Scripts come from 'self' only: no inline
 * script and no eval, and Web Chat 4.18 needs neither.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob:",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sarabun, as the page uses it: Thai and Latin, regular, semi-bold and bold. */
export const FONT_FILES = ['thai', 'latin'].flatMap((subset) => [400, 600, 700].map((weight) => `sarabun-${subset}-${weight}-normal.woff2`));

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

/**
 * The page's own files are shipped as they are (no build step), next to this module in the source tree;
 * tsc emits only JavaScript, so from dist/bot/web the files are found back in the source tree.
 */
function pageDirectory(): string {
  const candidates = [path.join(__dirname, 'page'), path.join(__dirname, '..', '..', '..', 'bot', 'web', 'page')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`The chat page files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

/** The Web Chat bundle: the package's exports map hides dist/, so it is found from the package's main module. */
function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

function fontPath(file: string): string {
  return require.resolve(`@fontsource/sarabun/files/${file}`);
}

function sha256(body: Buffer): Buffer {
  return createHash('sha256').update(body).digest();
}

function asset(body: Buffer, contentType: string, cacheControl: string, hash = sha256(body)): Asset {
  return { body, contentType, etag: `"${hash.toString('base64url').slice(0, 27)}"`, cacheControl };
}

/** Our own files change with every deploy: browsers revalidate them, and an unchanged file costs a 304. */
const REVALIDATE = 'no-cache';
/** The bundle's URL carries its content hash: a new bundle is a new URL, so browsers may keep this one for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Font URLs carry no version, and the files change only with an upgrade of @fontsource/sarabun: a month, then the ETag. */
const FONT_CACHE = 'public, max-age=2592000';

/** Reads every file once and returns the path → asset map. */
function loadPageAssets(): Map<string, Asset> {
  const dir = pageDirectory();
  const read = (name: string) => readFileSync(path.join(dir, name));
  const webChat = readFileSync(webChatBundlePath());
  const webChatHash = sha256(webChat);
  const webChatVersion = webChatHash.toString('hex').slice(0, 16);
  const html = read('index.html').toString('utf8');
  if (!html.includes(WEBCHAT_VERSION_MARK)) throw new Error(`index.html must load ${WEBCHAT_PATH}?v=${WEBCHAT_VERSION_MARK}`);

  const assets = new Map<string, Asset>([
    [PAGE_PATH, asset(Buffer.from(html.replaceAll(WEBCHAT_VERSION_MARK, webChatVersion)), 'text/html; charset=utf-8', REVALIDATE)],
    ['/app.js', asset(read('app.js'), 'text/javascript; charset=utf-8', REVALIDATE)],
    ['/styles.css', asset(read('styles.css'), 'text/css; charset=utf-8', REVALIDATE)],
    // Given in index.html so that browsers do not ask for a /favicon.ico that does not exist.
    ['/favicon.svg', asset(read('favicon.svg'), 'image/svg+xml', REVALIDATE)],
    [WEBCHAT_PATH, asset(webChat, 'text/javascript; charset=utf-8', IMMUTABLE, webChatHash)],
  ]);
  for (const file of FONT_FILES) assets.set(`/fonts/${file}`, asset(readFileSync(fontPath(file)), 'font/woff2', FONT_CACHE));
  return assets;
}

function matches(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The chat page and everything it loads. */
export function pageRoutes() {
  const assets = loadPageAssets();
  return (server: Server): void => {
    for (const [route, file] of assets) {
      const serve = async (req: Request, res: Response) => {
        const headers: Record<string, string | number> = {
          'content-type': file.contentType,
          'cache-control': file.cacheControl,
          etag: file.etag,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        };
        if (route === PAGE_PATH) headers['content-security-policy'] = PAGE_CSP;
        if (matches(req, file.etag)) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        headers['content-length'] = file.body.length;
        res.writeHead(200, headers);
        // Node's HTTP server drops the body of an answer to HEAD by itself.
        res.end(file.body);
      };
      server.get(route, serve);
      server.head(route, serve);
    }
  };
}
