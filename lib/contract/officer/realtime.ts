import { z } from 'zod';
import { message, note, queueItem } from './conversations';

/** The realtime stream (`GET /stream` upgraded to a WebSocket): the frames the service sends. */

export const streamFrame = z.discriminatedUnion('type', [
  /** An item in the officer's scope was added or changed. */
  z.strictObject({ type: z.literal('queue'), item: queueItem }),
  /** It left the queue (closed, withdrawn, transferred out of scope). */
  z.strictObject({ type: z.literal('removed'), id: z.string() }),
  /** A new message in a conversation in scope. */
  z.strictObject({ type: z.literal('message'), id: z.string(), message }),
  /** A new internal note in a conversation in scope. */
  z.strictObject({ type: z.literal('note'), id: z.string(), note }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type StreamFrame = z.infer<typeof streamFrame>;

/** What the app sends, at most once a minute, while its page is visible. */
export const ATTENDED = { type: 'attended' } as const;

/** Close codes: the session ended (sign in again); the account changed (reconnect, read the session again). */
export const STREAM_CLOSE = { sessionEnded: 4401, accountChanged: 4000 } as const;
