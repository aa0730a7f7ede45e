import type { Collection, Store } from '../store/types';

/**
 * Limits wrong answers to a check (a complaint's phone digits or PIN), per key: the tracking number being
 * tried, or the person trying. After `maxFailures` wrong answers within `windowMs`, the key is locked for
 * `lockMs`. Counting is an atomic increment in the store, so parallel guesses from many conversations still
 * count one by one.
 */

export const VERIFICATIONS_COLLECTION = 'verifications';

export interface AttemptPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Per tracking number: five wrong checks lock the number, whoever tries it, so that its check cannot be guessed. */
export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 30 * 60_000 };

/**
 * Per person trying (their channel account): a wider budget, for one person spreading guesses over many numbers.
 * It is three numbers' worth, so that a citizen who mistyped the number, found out after a few wrong checks and
 * typed the right one is not locked out of it; and it never touches the complaints filed on their own channel,
 * which are shown without a check.
 */
export const DEFAULT_REQUESTER_ATTEMPT_POLICY: AttemptPolicy = { maxFailures: 15, windowMs: 15 * 60_000, lockMs: 30 * 60_000 };

interface AttemptDocument {
  _id: string;
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

export class AttemptLimiter {
  private readonly attempts: Collection<AttemptDocument>;

  constructor(store: Store, private readonly policy: AttemptPolicy, private readonly now: () => number) {
    this.attempts = store.collection<AttemptDocument>(VERIFICATIONS_COLLECTION);
  }

  /** The latest time until which any of the keys is locked, if one is locked now. */
  async lockedUntil(keys: readonly string[]): Promise<number | undefined> {
    const now = this.now();
    const locked = await this.attempts.find({ _id: { $in: [...keys] }, lockedUntil: { $gt: now } }).toArray();
    return locked.length === 0 ? undefined : Math.max(...locked.map((entry) => entry.lockedUntil));
  }

  /** Counts a wrong answer against every key; returns the tries left (the fewest of the keys) and any lock. */
  async recordFailure(keys: readonly string[]): Promise<{ left: number; lockedUntil?: number }> {
    const now = this.now();
    let left = this.policy.maxFailures;
    let lockedUntil: number | undefined;
    for (const key of keys) {
      // A window that has run out starts again from this failure.
      await this.attempts.updateOne({ _id: key, windowStart: { $lt: now - this.policy.windowMs } }, { $set: { failures: 0, windowStart: now } });
      const counted = await this.attempts.findOneAndUpdate(
        { _id: key },
        { $inc: { failures: 1 }, $setOnInsert: { windowStart: now, lockedUntil: 0 } },
        { upsert: true, returnDocument: 'after' },
      );
      const failures = counted?.failures ?? 1;
      if (failures >= this.policy.maxFailures) {
        const until = now + this.policy.lockMs;
        await this.attempts.updateOne({ _id: key }, { $set: { lockedUntil: until, failures: 0, windowStart: now } });
        lockedUntil = Math.max(lockedUntil ?? 0, until);
        left = 0;
      } else {
        left = Math.min(left, this.policy.maxFailures - failures);
      }
    }
    return lockedUntil === undefined ? { left } : { left: 0, lockedUntil };
  }

  async reset(keys: readonly string[]): Promise<void> {
    await this.attempts.deleteMany({ _id: { $in: [...keys] } });
  }
}
