import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';

/**
 * Files the service serves itself (the chat page, the officer app): each path is an entry in a fixed map built at
 * start-up, so no request can name a file of its own choosing and no file is read per request. Every answer
 * carries a strong ETag and answers a matching If-None-Match with 304.
 */

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

/** Our own files change with every deploy: browsers revalidate them, and an unchanged file costs a 304. */
export const REVALIDATE = 'no-cache';

export function sha256(body: Buffer): Buffer {
  return createHash('sha256').update(body).digest();
}

export function asset(body: Buffer, contentType: string, cacheControl = REVALIDATE, hash = sha256(body)): Asset {
  return { body, contentType, etag: `"${hash.toString('base64url').slice(0, 27)}"`, cacheControl };
}

/**
 * Where files shipped as they are (no build step) live: next to the module in the source tree, or, since tsc
 * emits only JavaScript, found back in the source tree from dist/. `what` names them in the error.
 */
export function sourceDirectory(candidates: readonly string[], requiredFiles: readonly string[], what: string): string {
  const found = candidates.find((dir) => requiredFiles.every((file) => existsSync(path.join(dir, file))));
  if (!found) throw new Error(`The ${what} files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

function matches(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Registers GET and HEAD for every asset; `extraHeaders` adds headers to some paths (a page's CSP). */
export function serveAssets(server: Server, assets: ReadonlyMap<string, Asset>, extraHeaders: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map()): void {
  for (const [route, file] of assets) {
    const serve = async (req: Request, res: Response) => {
      const headers: Record<string, string | number> = {
        'content-type': file.contentType,
        'cache-control': file.cacheControl,
        etag: file.etag,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        ...extraHeaders.get(route),
      };
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
}
