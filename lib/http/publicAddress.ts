import type { IncomingMessage } from 'node:http';
import { DIRECTLINE_CHANNEL } from '../directline/channel';

/**
 * The address clients reach the service at, for the links it hands out (stream URLs, file links, the privacy
 * notice). PUBLIC_URL wins when set; otherwise the request's own Host header is used, which is what a local
 * `npm start` (or a phone on the same Wi-Fi) needs: never `localhost`, which on a citizen's phone is the phone.
 * Behind trusted reverse proxies (`trustedHops` of them, 0 when none is trusted) the scheme and the client's
 * address come from their X-Forwarded-* headers.
 */
export class PublicAddress {
  /** @param fallback for links made outside any citizen's request on a channel that does not say (PUBLIC_URL's default). */
  constructor(private readonly configured: string | undefined, readonly trustedHops: number, private readonly fallback = 'http://localhost') {}

  httpBase(req: IncomingMessage): string {
    if (this.configured) return this.configured;
    const host = req.headers.host;
    // A Host header is client input: anything but a plain host[:port] falls back to loopback.
    const safeHost = typeof host === 'string' && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
    const scheme = forwardedEntry(req.headers['x-forwarded-proto'], this.trustedHops) === 'https' ? 'https' : 'http';
    return `${scheme}://${safeHost}`;
  }

  webSocketBase(req: IncomingMessage): string {
    return this.httpBase(req).replace(/^http/, 'ws');
  }

  /**
   * The address a conversation's citizen reaches the service at, for links made in a turn (the privacy notice) or
   * by an officer (a photo reply): PUBLIC_URL when set; on the service's own Direct Line channel, the address the
   * citizen's client used, which the Direct Line routes give each turn as its `serviceUrl` (httpBase of the
   * request, so already checked); otherwise `otherwise` (the request at hand) or the fallback.
   */
  forConversation(reference: { channelId?: string; serviceUrl?: string }, otherwise?: IncomingMessage): string {
    if (this.configured) return this.configured;
    if (reference.channelId === DIRECTLINE_CHANNEL && typeof reference.serviceUrl === 'string' && /^https?:\/\/[^/?#\s]+$/.test(reference.serviceUrl)) return reference.serviceUrl;
    return otherwise ? this.httpBase(otherwise) : this.fallback;
  }
}

/**
 * The entry of a comma-separated X-Forwarded-* header that the outermost trusted proxy wrote. Each proxy appends
 * what it saw to what it received, so with `hops` trusted proxies that entry is the hops-th from the right;
 * everything to its left came from the client and proves nothing. Fewer entries than hops means the request
 * skipped the outer proxies: then the leftmost entry, written by the first trusted proxy it met, is the one.
 * X-Forwarded-Proto is read the same way, so the scheme and the client address come from the same proxy.
 */
export function forwardedEntry(header: string | string[] | undefined, hops: number): string | undefined {
  if (hops < 1 || header === undefined) return undefined;
  const entries = (Array.isArray(header) ? header.join(',') : header).split(',').map((entry) => entry.trim());
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry.slice(0, 64) : undefined;
}

/** The client's address, for rate limits: the one the outermost trusted proxy saw, or the socket's peer. */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  return forwardedEntry(req.headers['x-forwarded-for'], trustedHops) ?? req.socket.remoteAddress ?? 'unknown';
}
