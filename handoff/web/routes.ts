import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { type Asset, asset, serveAssets } from '../../lib/http/staticAssets';

/**
 * The officer web app (`/officer`): handoff/web built by Vite (`npm run build:web`) into dist/web/officer, its
 * page and its content-hashed files (`/officer/assets/…`) served by the service itself from a fixed map read
 * once at start-up. The fonts (`/fonts/…`) are the chat page's.
 */

export const OFFICER_PAGE_PATH = '/officer';
const OFFICER_ASSETS_PATH = '/officer/assets/';
/** Built files carry their content's hash in their names: a browser may keep them for a year without asking. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const BUILT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/**
 * The page's Content-Security-Policy: stricter than the chat page's, since no third-party bundle runs here.
 * Scripts and styles come from this origin only (no inline script, no eval, no inline style). connect-src
 * 'self' covers the API and, in CSP level 3 as Chrome and Edge implement it, the WebSocket stream on the same
 * host and port. Images: the conversation's photos (same-origin URLs), a photo chosen for a reply previewed
 * from a blob: URL, and data: for nothing but harmless inline images the browser itself may draw. The short
 * sound for a new citizen is synthesised with the Web Audio API, so no media source is allowed at all.
 */
export const OFFICER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The built app's page and its files; none when it has not been built (the API works without it). */
function loadBuiltApp(): Map<string, Asset> {
  const built = [path.join(__dirname, '..', '..', 'web', 'officer'), path.join(__dirname, '..', '..', 'dist', 'web', 'officer')].find((dir) => existsSync(path.join(dir, 'index.html')));
  const assets = new Map<string, Asset>();
  if (!built) return assets;
  assets.set(OFFICER_PAGE_PATH, asset(readFileSync(path.join(built, 'index.html')), 'text/html; charset=utf-8'));
  const assetDir = path.join(built, 'assets');
  for (const name of existsSync(assetDir) ? readdirSync(assetDir) : []) {
    const type = BUILT_TYPES[path.extname(name)];
    if (type) assets.set(OFFICER_ASSETS_PATH + name, asset(readFileSync(path.join(assetDir, name)), type, IMMUTABLE));
  }
  return assets;
}

/** The officer web app's page and what it loads (the officer API is separate: handoff/api.ts). */
export function officerPageRoutes() {
  const assets = loadBuiltApp();
  // X-Frame-Options for browsers that predate frame-ancestors.
  const pageHeaders = new Map([[OFFICER_PAGE_PATH, { 'content-security-policy': OFFICER_CSP, 'x-frame-options': 'DENY' }]]);
  return (server: Server): void => serveAssets(server, assets, pageHeaders);
}
