/**
 * The Store: MongoDB when a connection string is configured, the embedded SQLite store otherwise.
 */

import { EmbeddedStore } from './embedded';
import { MongoStore } from './mongo';
import type { Store } from './types';

export * from './types';
export { EmbeddedStore } from './embedded';
export { MongoStore } from './mongo';

export interface OpenStoreOptions {
  /** Directory of the embedded store's file; created if missing. */
  dataDir: string;
  /** When set (and not empty), MongoDB is used instead of the embedded store. */
  mongodbUri?: string;
}

/**
 * Opens the configured store. On MongoDB it connects and pings, and rejects with STORE_UNAVAILABLE naming the
 * hosts (without credentials) when the server cannot be reached; the embedded store rejects with
 * DATA_DIR_UNUSABLE or STORE_CORRUPT (see EmbeddedStore.open).
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.mongodbUri !== undefined && options.mongodbUri !== '') return MongoStore.connect(options.mongodbUri);
  return EmbeddedStore.open(options.dataDir);
}
