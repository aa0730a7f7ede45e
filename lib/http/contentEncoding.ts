import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

/**
 * Request bodies are taken as sent, never decompressed: a few kilobytes of gzip can expand to gigabytes, and
 * that expansion would happen before any route has authenticated the caller. No client of this service
 * (browsers, Web Chat, Direct Line clients, Azure Bot Service) compresses what it sends, so a request that
 * declares any Content-Encoding is refused with 415 before its body is read, on every route.
 */
export function refuseContentEncoding(req: IncomingMessage): HttpError | undefined {
  if (req.headers['content-encoding'] === undefined) return undefined;
  return new HttpError(415, 'UnsupportedMediaType', 'Request bodies must not be compressed: send them without Content-Encoding');
}
