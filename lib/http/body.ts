import type { IncomingMessage } from 'node:http';
import restify, { type CallbackHandler, type Next, type Request, type Response } from 'restify';
import { HttpError } from './errors';
import { parseClientJson } from './json';

/** application/json and the structured +json types (application/vnd.example+json), as restify recognises them. */
function isJsonType(req: Request): boolean {
  const type = req.getContentType();
  return type === 'application/json' || /^application\/[a-zA-Z.]+\+json/.test(type);
}

function parseJsonBody(req: Request, _res: Response, next: Next): void {
  const raw = req.body;
  const text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : undefined;
  if (!isJsonType(req) || !text) {
    next();
    return;
  }
  try {
    req.body = parseClientJson(text);
    next();
  } catch (error) {
    next(error as HttpError);
  }
}

/**
 * The JSON body parser every JSON route uses: restify reads the body, bounded by `maxBytes` (413 beyond), and
 * it is parsed by the one rule for client JSON (400 when invalid or nested too deep). Bodies that are not
 * JSON are left as read, for the route to refuse. Compressed bodies never get here (contentEncoding.ts).
 */
export function jsonBody(maxBytes: number): CallbackHandler[] {
  return [restify.plugins.bodyReader({ maxBodySize: maxBytes }), parseJsonBody];
}

/**
 * Reads a JSON body by hand, for routes that take JSON or a file upload and so cannot use a fixed body parser.
 * Bounded: a body over `maxBytes` is refused with 413 without being kept.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new HttpError(413, 'PayloadTooLarge', `The body may be at most ${maxBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        if (!refused) reject(new HttpError(413, 'PayloadTooLarge', `The body may be at most ${maxBytes} bytes`));
        refused = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        resolve(parseClientJson(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}
