/** The realtime stream's signals and timing, shared by the service (handoff/hub.ts) and the officer app. Browser-safe, no schema. */

/** What the app sends, at most once a minute, while its page is visible. */
export const ATTENDED = { type: 'attended' } as const;

/**
 * How often the service pings every stream (a WebSocket ping and a `ping` frame): the app takes a stream that
 * has been silent for two pings as dead even if the browser has not noticed.
 */
export const STREAM_PING_MS = 25_000;

/** Close codes: the session ended (sign in again); the account changed (reconnect, read the session again). */
export const STREAM_CLOSE = { sessionEnded: 4401, accountChanged: 4000 } as const;
