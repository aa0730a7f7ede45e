import { STREAM_PING_MS } from '../../../../lib/contract/officer/streamSignals';

/** How long to wait before the stream's next reconnection: doubling from 1 s to 30 s, with jitter, so that a restarted service is not met by every officer's browser in the same second. */
export const RECONNECT_MIN_MS = 1000;
export const RECONNECT_MAX_MS = 30 * 1000;

export function reconnectDelay(attempts: number, random: number): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempts);
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** Two missed pings of the service (and a margin) mean the socket is dead even if the browser has not noticed. */
export const STREAM_SILENCE_MS = 2 * STREAM_PING_MS + 10 * 1000;
/** An officer watching the queue is at work although they click nothing: the app says so at most once a minute. */
export const ATTENDED_EVERY_MS = 60 * 1000;
