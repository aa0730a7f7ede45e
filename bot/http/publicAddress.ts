import type { IncomingMessage } from 'node:http';

/**
 * The address clients reach the service at, for the links it hands out (stream URLs, file links). PUBLIC_URL
 * wins when set; otherwise the request's own Host header is used, which is what a local `npm start` needs.
 * Behind a trusted reverse proxy the scheme and the client's address come from its X-Forwarded-* headers.
 */
export class PublicAddress {
  constructor(private readonly configured: string | undefined, readonly trustProxy: boolean) {}

  httpBase(req: IncomingMessage): string {
    if (this.configured) return this.configured;
    const host = req.headers.host;
    // A Host header is client input: anything but a plain host[:port] falls back to loopback.
    const safeHost = typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
    const forwarded = this.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim() : '';
    const scheme = forwarded === 'https' ? 'https' : 'http';
    return `${scheme}://${safeHost}`;
  }

  webSocketBase(req: IncomingMessage): string {
    return this.httpBase(req).replace(/^http/, 'ws');
  }
}

/** The client's address, for rate limits: the first X-Forwarded-For entry behind a trusted proxy. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return req.socket.remoteAddress ?? 'unknown';
}
