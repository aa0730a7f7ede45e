import { isAppError } from '../errors';
import type { Collection, Store } from '../store/types';

/**
 * The bytes of all uploaded files kept, for the overall quota: one counter document that every upload reserves
 * its bytes on before it writes them, with one conditional update, so that instances sharing a MongoDB never
 * pass the quota together. Summing every file record on each upload would cost a scan of them all.
 *
 * The file records stay the truth: a crash between reserving and writing (or between deleting and releasing)
 * leaves the counter too high, never too low, and `reconcile` sets it back to their sum. For that sum to be
 * right, an upload writes its file records before it reserves, and a deletion releases after it removed them;
 * every change of the counter bumps its version, and the sum is written only if no change came in between.
 */

export const COUNTERS_COLLECTION = 'counters';
const USAGE_ID = 'uploads';

interface UsageCounter {
  _id: string;
  bytes: number;
  version: number;
}

export class StorageUsage {
  private readonly counters: Collection<UsageCounter>;
  private ready: Promise<void> | undefined;

  /** @param sumStored the bytes of every file record, whatever its state. */
  constructor(store: Store, private readonly sumStored: () => Promise<number>) {
    this.counters = store.collection<UsageCounter>(COUNTERS_COLLECTION);
  }

  /** Reserves `bytes` if the total stays within `limit`; false when it would not. */
  async reserve(bytes: number, limit: number): Promise<boolean> {
    await this.ensureCounter();
    const { matchedCount } = await this.counters.updateOne(
      { _id: USAGE_ID, bytes: { $lte: limit - bytes } },
      { $inc: { bytes, version: 1 } },
    );
    return matchedCount === 1;
  }

  async release(bytes: number): Promise<void> {
    await this.ensureCounter();
    await this.counters.updateOne({ _id: USAGE_ID }, { $inc: { bytes: -bytes, version: 1 } });
  }

  /** The bytes counted now. */
  async used(): Promise<number> {
    await this.ensureCounter();
    return (await this.counters.findOne({ _id: USAGE_ID }))?.bytes ?? 0;
  }

  /**
   * Sets the counter to the sum of the file records, unless an upload or a deletion changed it meanwhile (the
   * next run tries again). Returns the bytes counted afterwards.
   */
  async reconcile(): Promise<number> {
    await this.ensureCounter();
    const before = await this.counters.findOne({ _id: USAGE_ID });
    if (!before) return 0;
    const sum = await this.sumStored();
    const { matchedCount } = await this.counters.updateOne({ _id: USAGE_ID, version: before.version }, { $set: { bytes: sum }, $inc: { version: 1 } });
    return matchedCount === 1 ? sum : this.used();
  }

  /**
   * Creates the counter on a store that has none (a new store, or one from before quotas) from what is stored.
   * An upload calls it before it writes its own records, which must not be counted twice.
   */
  ensureCounter(): Promise<void> {
    this.ready ??= (async () => {
      if (await this.counters.findOne({ _id: USAGE_ID })) return;
      const sum = await this.sumStored();
      try {
        await this.counters.updateOne({ _id: USAGE_ID }, { $setOnInsert: { bytes: sum, version: 0 } }, { upsert: true });
      } catch (error) {
        // Another instance created it at the same moment (MongoDB reports the race of two upserts so).
        if (!isAppError(error, 'STORE_DUPLICATE_KEY')) throw error;
      }
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}
