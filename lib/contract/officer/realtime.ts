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

/* The stream's signals and timing, apart from the schemas so that the app takes them without zod. */
export { ATTENDED, STREAM_CLOSE, STREAM_PING_MS } from './streamSignals';
