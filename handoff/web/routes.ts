import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { type Asset, asset, serveAssets, sourceDirectory } from '../../lib/http/staticAssets';

/**
 * The officer web app (`/officer`): one page, its script and its styles, served by the service itself from a
 * fixed map (bot/http/staticAssets.ts). The fonts (`/fonts/…`) are the chat page's.
 */

export const OFFICER_PAGE_PATH = '/officer';
export const OFFICER_SCRIPT_PATH = '/officer/officer.js';
export const OFFICER_STYLES_PATH = '/officer/officer.css';

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
  const dir = sourceDirectory([__dirname, path.join(__dirname, '..', '..', '..', 'handoff', 'web')], ['index.html', 'officer.js', 'officer.css'], 'officer web app');
  const read = (name: string) => readFileSync(path.join(dir, name));
  return new Map<string, Asset>([
    [OFFICER_PAGE_PATH, asset(read('index.html'), 'text/html; charset=utf-8')],
    [OFFICER_SCRIPT_PATH, asset(read('officer.js'), 'text/javascript; charset=utf-8')],
    [OFFICER_STYLES_PATH, asset(read('officer.css'), 'text/css; charset=utf-8')],
  ]);
}

/** The officer web app's page and what it loads (the officer API is separate: handoff/api.ts). */
export function officerPageRoutes() {
  const assets = loadOfficerAssets();
  // X-Frame-Options for browsers that predate frame-ancestors.
  const pageHeaders = new Map([[OFFICER_PAGE_PATH, { 'content-security-policy': OFFICER_CSP, 'x-frame-options': 'DENY' }]]);
  return (server: Server): void => serveAssets(server, assets, pageHeaders);
}
