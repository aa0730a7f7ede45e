import { AUDIT_COLLECTION } from '../audit';
import { COMPLAINTS_COLLECTION } from '../complaints/service';
import { DIRECTLINE_CONVERSATIONS } from '../directline/log';
import { FILES_COLLECTION } from '../files/fileStore';
import { HANDOFFS_COLLECTION } from '../handoff/handoffs';
import { MESSAGES_COLLECTION } from '../handoff/transcript';
import { OFFICERS_COLLECTION } from '../officers/accounts';
import { BOT_STATE_COLLECTION } from './botStorage';
import type { Store } from './types';

/**
 * Whether a store already holds data: the one rule that decides whether the service may create new keys
 * (lib/secrets.ts). A store holds data once anything was made in it by using the service: an officer account
 * (the first admin is created at the first start, right after the keys), a complaint, a conversation or its
 * state, a handoff, a transcript, an uploaded file, an audit entry. Content and indexes do not count: they are
 * written from the repository's seed at every start, and nothing in them depends on the keys.
 */
export const DATA_COLLECTIONS: readonly string[] = [
  OFFICERS_COLLECTION,
  COMPLAINTS_COLLECTION,
  DIRECTLINE_CONVERSATIONS,
  BOT_STATE_COLLECTION,
  HANDOFFS_COLLECTION,
  MESSAGES_COLLECTION,
  FILES_COLLECTION,
  AUDIT_COLLECTION,
];

/** True when any of DATA_COLLECTIONS has a document. Uses only the Store port, so it answers alike on both stores. */
export async function storeHoldsData(store: Store): Promise<boolean> {
  for (const name of DATA_COLLECTIONS) {
    if ((await store.collection(name).findOne({}, { projection: { _id: 1 } })) !== null) return true;
  }
  return false;
}
