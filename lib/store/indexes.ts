import { COMPLAINTS_COLLECTION, CONVERSATION_ID_PATH } from '../complaints/service';
import { DIRECTLINE_ACTIVITIES, DIRECTLINE_CONVERSATIONS } from '../directline/log';
import { SENSITIVE_PROMPTS_COLLECTION } from '../privacy/sensitivePrompts';
import { FAQ_FEEDBACK_COLLECTION } from '../faq/service';
import { FILES_COLLECTION, FILE_CHUNKS_COLLECTION } from '../files/fileStore';
import { HANDOFFS_COLLECTION, HANDOFF_WAITS_COLLECTION } from '../handoff/handoffs';
import { MESSAGES_COLLECTION } from '../handoff/transcript';
import { OFFICERS_COLLECTION } from '../officers/accounts';
import { SESSIONS_COLLECTION } from '../officers/sessions';
import { AUDIT_COLLECTION } from '../audit';
import { BOT_STATE_COLLECTION } from './botStorage';
import type { SortSpec, IndexOptions, Store } from './types';

/**
 * Every index the service needs, created at start-up (idempotently) on whichever store is configured.
 * Each feature adds its collection's indexes here, next to the queries they serve.
 */
export const INDEXES: ReadonlyArray<{ collection: string; keys: SortSpec; options?: IndexOptions }> = [
  // StoreBotStorage.purgeIdleBefore: finds idle state without scanning every conversation.
  { collection: BOT_STATE_COLLECTION, keys: { updatedAt: 1 } },
  // ComplaintService.listOwn: a citizen's complaints on a channel, newest first.
  { collection: COMPLAINTS_COLLECTION, keys: { 'owner.channelId': 1, 'owner.userKey': 1, createdAt: -1 } },
  // The forwarding worker picks up complaints with jobs still pending, oldest first.
  { collection: COMPLAINTS_COLLECTION, keys: { forwardingState: 1, createdAt: 1 } },
  // A Direct Line client reading its conversation from a watermark.
  { collection: DIRECTLINE_ACTIVITIES, keys: { conversationId: 1, seq: 1 }, options: { unique: true } },
  // Retention: what was said on Web Chat, and the conversations, past their time.
  { collection: DIRECTLINE_ACTIVITIES, keys: { at: 1 } },
  { collection: DIRECTLINE_CONVERSATIONS, keys: { lastActivityAt: 1 } },
  { collection: SENSITIVE_PROMPTS_COLLECTION, keys: { at: 1 } },
  // Reading an uploaded file's chunks in order.
  { collection: FILE_CHUNKS_COLLECTION, keys: { fileId: 1, index: 1 }, options: { unique: true } },
  // A conversation's uploads, for its quota; the retention purge's three queries (lib/files/retention.ts).
  { collection: FILES_COLLECTION, keys: { conversationId: 1 } },
  { collection: FILES_COLLECTION, keys: { createdAt: 1 } },
  { collection: FILES_COLLECTION, keys: { keptSince: 1 } },
  { collection: FILES_COLLECTION, keys: { state: 1 } },
  // The purge asks which complaints were filed in an upload's conversation.
  { collection: COMPLAINTS_COLLECTION, keys: { [CONVERSATION_ID_PATH]: 1 } },
  // A centre's queue, first page: the officers' most frequent query.
  { collection: HANDOFFS_COLLECTION, keys: { centreCode: 1, state: 1, queuedAt: 1 } },
  // The queue of all centres (admins), per state, in order.
  { collection: HANDOFFS_COLLECTION, keys: { state: 1, queuedAt: 1 } },
  // Finding idle live chats to close.
  { collection: HANDOFFS_COLLECTION, keys: { state: 1, lastActivityAt: 1 } },
  // Recent waits per centre, for the wait estimate.
  { collection: HANDOFF_WAITS_COLLECTION, keys: { centreCode: 1, claimedAt: -1 } },
  // A conversation's transcript in order; officer replies still to deliver.
  { collection: MESSAGES_COLLECTION, keys: { conversationKey: 1, at: 1 } },
  { collection: MESSAGES_COLLECTION, keys: { delivery: 1, at: 1 } },
  // Retention: transcript lines past their time.
  { collection: MESSAGES_COLLECTION, keys: { at: 1 } },
  // Signing in by username.
  { collection: OFFICERS_COLLECTION, keys: { username: 1 }, options: { unique: true } },
  // Ending all sessions of an officer; purging expired ones.
  { collection: SESSIONS_COLLECTION, keys: { officerId: 1 } },
  { collection: SESSIONS_COLLECTION, keys: { expiresAt: 1 } },
  // The audit trail of an officer, and of a conversation or complaint.
  // The whole log, newest first (admins), and one officer's or one target's; _id breaks ties within a millisecond.
  { collection: AUDIT_COLLECTION, keys: { at: -1, _id: -1 } },
  { collection: AUDIT_COLLECTION, keys: { actor: 1, at: -1, _id: -1 } },
  { collection: AUDIT_COLLECTION, keys: { target: 1, at: -1, _id: -1 } },
  // Counting "did this help?" per answer.
  { collection: FAQ_FEEDBACK_COLLECTION, keys: { entryId: 1 } },
];

export async function ensureIndexes(store: Store): Promise<void> {
  for (const index of INDEXES) {
    await store.collection(index.collection).createIndex(index.keys, index.options);
  }
}
