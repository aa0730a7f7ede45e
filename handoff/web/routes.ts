import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

/**
 * The officer web app (`/officer`): one page, its script and its styles, served by the service itself. Like the
 * citizen chat page, every path is an entry in a fixed map built at start-up, so no request can name a file of
 * its own choosing and no file is read per request. The fonts (`/fonts/…`) are the chat page's.
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

interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** The files are shipped as they are (no build step); from dist/handoff/web they are found back in the source tree. */
function webDirectory(): string {
  const candidates = [__dirname, path.join(__dirname, '..', '..', '..', 'handoff', 'web')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, 'officer.js')));
  if (!found) throw new Error(`The officer web app files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

function asset(body: Buffer, contentType: string): Asset {
  const hash = createHash('sha256').update(body).digest();
  return { body, contentType, etag: `"${hash.toString('base64url').slice(0, 27)}"` };
}

/** Reads the three files once and returns the path → asset map. */
function loadOfficerAssets(): Map<string, Asset> {
  const dir = webDirectory();
  const read = (name: string) => readFileSync(path.join(dir, name));
  return new Map<string, Asset>([
    [OFFICER_PAGE_PATH, asset(read('index.html'), 'text/html; charset=utf-8')],
    [OFFICER_SCRIPT_PATH, asset(read('officer.js'), 'text/javascript; charset=utf-8')],
    [OFFICER_STYLES_PATH, asset(read('officer.css'), 'text/css; charset=utf-8')],
  ]);
}

function matches(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The officer web app's page and what it loads (the officer API is separate: handoff/api.ts). */
export function officerPageRoutes() {
  const assets = loadOfficerAssets();
  return (server: Server): void => {
    for (const [route, file] of assets) {
      const serve = async (req: Request, res: Response) => {
        const headers: Record<string, string | number> = {
          'content-type': file.contentType,
          // Changes with every deploy: browsers revalidate, and an unchanged file costs a 304.
          'cache-control': 'no-cache',
          etag: file.etag,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        };
        if (route === OFFICER_PAGE_PATH) {
          headers['content-security-policy'] = OFFICER_CSP;
          // For browsers that predate frame-ancestors.
          headers['x-frame-options'] = 'DENY';
        }
        if (matches(req, file.etag)) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        headers['content-length'] = file.body.length;
        res.writeHead(200, headers);
        res.end(file.body);
      };
      server.get(route, serve);
      server.head(route, serve);
    }
  };
}
