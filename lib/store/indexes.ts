import type { IndexSpec, Store } from './types';

/**
 * Creates the indexes it is given (idempotently) on whichever store is configured. The store knows no feature:
 * each feature declares its own indexes next to the queries they serve, and the wiring (bot/indexes.ts) hands
 * them all over at start-up.
 */
export async function ensureIndexes(store: Store, indexes: readonly IndexSpec[]): Promise<void> {
  for (const index of indexes) {
    await store.collection(index.collection).createIndex(index.keys, index.options);
  }
}
