import type { Server } from 'restify';
import { builtAppDirectory, loadBuiltApp, serveBuiltApp } from '../../lib/http/builtFiles';

/**
 * The officer web app (`/officer`): handoff/web built by Vite (handoff/web/vite.config.ts) into
 * dist/web/officer, served by the service itself with lib/http/builtFiles.ts, under /officer/.
 */

export const OFFICER_PAGE_PATH = '/officer';

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

/** The officer web app's page and what it loads (the officer API is separate: handoff/api.ts). */
export function officerPageRoutes() {
  // The app's files live under /officer/ (Vite's base); the router takes /officer/ for /officer (ignoreTrailingSlash).
  const pagePaths = [OFFICER_PAGE_PATH];
  const app = loadBuiltApp(builtAppDirectory('officer'), { base: `${OFFICER_PAGE_PATH}/`, pagePaths, name: 'officer web app' });
  // X-Frame-Options for browsers that predate frame-ancestors.
  const pageHeaders = new Map(pagePaths.map((page) => [page, { 'content-security-policy': OFFICER_CSP, 'x-frame-options': 'DENY' }]));
  return (server: Server): void => serveBuiltApp(server, app, pageHeaders);
}
