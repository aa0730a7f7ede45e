import type { Server } from 'restify';
import { builtAppDirectory, loadBuiltApp, serveBuiltApp } from '../../lib/http/builtFiles';

/**
 * The citizen chat page (`/`) and everything it loads: bot/web/page built by Vite (bot/web/vite.config.ts) into
 * dist/web/page, with Web Chat and the Sarabun fonts bundled in, served by the service itself with
 * lib/http/builtFiles.ts: the page makes no request to any other origin.
 */

export const PAGE_PATH = '/';

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

/** The chat page and everything it loads, read once from the build output. */
export function pageRoutes() {
  const app = loadBuiltApp(builtAppDirectory('page'), { base: '/', pagePaths: [PAGE_PATH], name: 'chat page' });
  const pageHeaders = new Map([[PAGE_PATH, { 'content-security-policy': PAGE_CSP }]]);
  return (server: Server): void => serveBuiltApp(server, app, pageHeaders);
}
