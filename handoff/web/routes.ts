import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { type Asset, asset, serveAssets, sourceDirectory } from '../../lib/http/staticAssets';

/**
 * The officer web app (`/officer`): one page, its script and its styles, served by the service itself from a
 * fixed map (bot/http/staticAssets.ts). The fonts (`/fonts/…`) are the chat page's.
 *
 * The app rebuilt on components (handoff/web/src, built by Vite into dist/web/officer) is served beside it at
 * `/officer/next`, its content-hashed files under `/officer/assets/`, until it replaces this one.
 */

export const OFFICER_PAGE_PATH = '/officer';
export const OFFICER_SCRIPT_PATH = '/officer/officer.js';
export const OFFICER_STYLES_PATH = '/officer/officer.css';
export const OFFICER_NEXT_PATH = '/officer/next';
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

/** Reads the three files once and returns the path → asset map. */
function loadOfficerAssets(): Map<string, Asset> {
  const dir = sourceDirectory([__dirname, path.join(__dirname, '..', '..', '..', 'handoff', 'web')], ['officer.html', 'officer.js', 'officer.css'], 'officer web app');
  const read = (name: string) => readFileSync(path.join(dir, name));
  return new Map<string, Asset>([
    [OFFICER_PAGE_PATH, asset(read('officer.html'), 'text/html; charset=utf-8')],
    [OFFICER_SCRIPT_PATH, asset(read('officer.js'), 'text/javascript; charset=utf-8')],
    [OFFICER_STYLES_PATH, asset(read('officer.css'), 'text/css; charset=utf-8')],
  ]);
}

/** The built app's page and its files, when it has been built (`npm run build:web`); none otherwise. */
function loadBuiltApp(): Map<string, Asset> {
  const built = [path.join(__dirname, '..', '..', 'web', 'officer'), path.join(__dirname, '..', '..', 'dist', 'web', 'officer')].find((dir) => existsSync(path.join(dir, 'index.html')));
  const assets = new Map<string, Asset>();
  if (!built) return assets;
  assets.set(OFFICER_NEXT_PATH, asset(readFileSync(path.join(built, 'index.html')), 'text/html; charset=utf-8'));
  const assetDir = path.join(built, 'assets');
  for (const name of existsSync(assetDir) ? readdirSync(assetDir) : []) {
    const type = BUILT_TYPES[path.extname(name)];
    if (type) assets.set(OFFICER_ASSETS_PATH + name, asset(readFileSync(path.join(assetDir, name)), type, IMMUTABLE));
  }
  return assets;
}

/** The officer web app's page and what it loads (the officer API is separate: handoff/api.ts). */
export function officerPageRoutes() {
  const assets = new Map([...loadOfficerAssets(), ...loadBuiltApp()]);
  // X-Frame-Options for browsers that predate frame-ancestors.
  const pageHeaders = new Map(
    [OFFICER_PAGE_PATH, OFFICER_NEXT_PATH].map((page) => [page, { 'content-security-policy': OFFICER_CSP, 'x-frame-options': 'DENY' }] as const),
  );
  return (server: Server): void => serveAssets(server, assets, pageHeaders);
}
