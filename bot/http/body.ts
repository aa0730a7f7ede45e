import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

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
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'BadArgument', 'The body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}
