import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { Collection, IndexSpec, Store } from './types';

/**
 * Bot state (conversation and user state, dialog stacks) on the Store, implementing botbuilder's `Storage`
 * contract structurally, so that lib/ stays free of botbuilder imports.
 *
 * The eTag rules are MemoryStorage's: an item without an eTag, or with `*`, is written unconditionally; an item
 * with an eTag is written only if the stored item still has that eTag (or does not exist), otherwise the write
 * rejects with a conflict error while the other items of the batch are still written. Every write gives the
 * item a new eTag. Items are kept as JSON text so that state keys never meet the database's field-name rules,
 * and so that what comes back is exactly what MemoryStorage would give back.
 */

/** botbuilder's StoreItems: items keyed by storage key. */
export type StateItems = Record<string, unknown>;

interface StateDocument {
  _id: string;
  eTag: string;
  /** The item without its eTag, as JSON. */
  data: string;
  updatedAt: number;
}

export const BOT_STATE_COLLECTION = 'botstate';

/** StoreBotStorage.purgeIdleBefore: finds idle state without scanning every conversation. */
export const BOT_STATE_INDEXES: readonly IndexSpec[] = [{ collection: BOT_STATE_COLLECTION, keys: { updatedAt: 1 } }];

/** Bounds one item (a conversation's dialog stack or a user profile); larger state means a bug, not a citizen. */
export const MAX_STATE_ITEM_BYTES = 1024 * 1024;

// A random prefix per process and a counter: unique across restarts and instances, and cheaper than drawing
// random bytes on every write of every turn.
const eTagPrefix = randomBytes(9).toString('base64url');
let eTagCounter = 0;

function newETag(): string {
  eTagCounter += 1;
  return `${eTagPrefix}.${eTagCounter.toString(36)}`;
}

function eTagOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const eTag = (item as { eTag?: unknown }).eTag;
  return typeof eTag === 'string' && eTag !== '' ? eTag : undefined;
}

function serialise(key: string, item: unknown): string {
  const { eTag: _ignored, ...rest } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const data = JSON.stringify(rest);
  if (Buffer.byteLength(data) > MAX_STATE_ITEM_BYTES) {
    throw new AppError('STORE_INVALID_DOCUMENT', `State item "${key}" is larger than ${MAX_STATE_ITEM_BYTES} bytes`);
  }
  return data;
}

function conflict(key: string): AppError {
  return new AppError('STORAGE_ETAG_CONFLICT', `Storage: error writing "${key}" due to eTag conflict.`);
}

export class StoreBotStorage {
  private readonly items: Collection<StateDocument>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.items = store.collection<StateDocument>(BOT_STATE_COLLECTION);
  }

  async read(keys: string[]): Promise<StateItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const result: StateItems = {};
    if (keys.length === 0) return result;
    const documents = await this.items.find({ _id: { $in: [...new Set(keys)] } }).toArray();
    for (const document of documents) {
      result[document._id] = { ...(JSON.parse(document.data) as Record<string, unknown>), eTag: document.eTag };
    }
    return result;
  }

  async write(changes: StateItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    let firstConflict: AppError | undefined;
    for (const [key, item] of Object.entries(changes)) {
      const written = await this.writeOne(key, item);
      if (!written && !firstConflict) firstConflict = conflict(key);
    }
    if (firstConflict) throw firstConflict;
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.items.deleteMany({ _id: { $in: [...new Set(keys)] } });
  }

  /** Deletes state not written since `cutoff` (epoch ms): abandoned conversations and long-gone users. */
  async purgeIdleBefore(cutoff: number): Promise<number> {
    const { deletedCount } = await this.items.deleteMany({ updatedAt: { $lt: cutoff } });
    return deletedCount;
  }

  /** Returns false on an eTag conflict. */
  private async writeOne(key: string, item: unknown): Promise<boolean> {
    const data = serialise(key, item);
    const expected = eTagOf(item);
    const fields = { data, eTag: newETag(), updatedAt: this.now() };
    if (expected === undefined || expected === '*') {
      // BotState always writes '*': this is every turn's write, so it replaces whole rather than merging fields.
      await this.items.replaceOne({ _id: key }, fields, { upsert: true });
      return true;
    }
    const updated = await this.items.updateOne({ _id: key, eTag: expected }, { $set: fields });
    if (updated.matchedCount === 1) return true;
    // MemoryStorage writes an item with an eTag when nothing is stored under its key yet.
    try {
      await this.items.insertOne({ _id: key, ...fields });
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === 'STORE_DUPLICATE_KEY') return false;
      throw error;
    }
  }
}
