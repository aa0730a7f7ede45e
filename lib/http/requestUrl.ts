import type { IncomingMessage } from 'node:http';

/**
 * The URL a request names, from its Host header and its request target, built as restify 12 builds it
 * (`Request.prototype.getUrl`); undefined when the two do not make a URL (`Host: a<b`, `Host: a:99999`,
 * `GET http://[zz]/ HTTP/1.1`). Node's HTTP parser accepts such requests, and restify's router then throws
 * outside any handler, which would stop the process: requests that fail here are answered 400 before
 * restify looks at them, and WebSocket upgrades are refused the same way.
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  const base = `http://${req.headers.host || 'localhost'}`;
  const target = req.url ?? '/';
  try {
    // As restify does: an origin-form target is appended to the base, so that "//x" stays a path, not a host.
    return target.startsWith('/') ? new URL(base + target) : new URL(target, base);
  } catch {
    return undefined;
  }
}
