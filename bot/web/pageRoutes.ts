import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { type Asset, asset, REVALIDATE, serveAssets, sha256, sourceDirectory } from '../../lib/http/staticAssets';

/**
 * The citizen chat page (`/`), its script and styles, the Web Chat bundle and the Sarabun fonts, all served by
 * the service itself from a fixed map (bot/http/staticAssets.ts): the page makes no request to any other origin.
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

/** The @font-face rules for the files below. */
export const FONT_STYLESHEET_PATH = '/fonts/sarabun.css';

/** Sarabun, as the page uses it: Thai and Latin, regular, semi-bold and bold. */
export const FONT_FILES = ['thai', 'latin'].flatMap((subset) => [400, 600, 700].map((weight) => `sarabun-${subset}-${weight}-normal.woff2`));

function pageDirectory(): string {
  return sourceDirectory([path.join(__dirname, 'page'), path.join(__dirname, '..', '..', '..', 'bot', 'web', 'page')], ['index.html'], 'chat page');
}

/** The Web Chat bundle: the package's exports map hides dist/, so it is found from the package's main module. */
function webChatBundlePath(): string {
  const main = require.resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

function fontPath(file: string): string {
  return require.resolve(`@fontsource/sarabun/files/${file}`);
}

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
  // The faces, in one stylesheet for both the chat page and the officer app.
  assets.set(FONT_STYLESHEET_PATH, asset(read('fonts.css'), 'text/css; charset=utf-8', REVALIDATE));
  for (const file of FONT_FILES) assets.set(`/fonts/${file}`, asset(readFileSync(fontPath(file)), 'font/woff2', FONT_CACHE));
  return assets;
}

/** The chat page and everything it loads. */
export function pageRoutes() {
  const assets = loadPageAssets();
  const pageHeaders = new Map([[PAGE_PATH, { 'content-security-policy': PAGE_CSP }]]);
  return (server: Server): void => serveAssets(server, assets, pageHeaders);
}
