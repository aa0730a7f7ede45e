import { BOT_STATE_COLLECTION } from './botStorage';
import type { SortSpec, IndexOptions, Store } from './types';

/**
 * Every index the service needs, created at start-up (idempotently) on whichever store is configured.
 * Each feature adds its collection's indexes here, next to the queries they serve.
 */
export const INDEXES: ReadonlyArray<{ collection: string; keys: SortSpec; options?: IndexOptions }> = [
  // StoreBotStorage.purgeIdleBefore: finds idle state without scanning every conversation.
  { collection: BOT_STATE_COLLECTION, keys: { updatedAt: 1 } },
];

export async function ensureIndexes(store: Store): Promise<void> {
  for (const index of INDEXES) {
    await store.collection(index.collection).createIndex(index.keys, index.options);
  }
}
