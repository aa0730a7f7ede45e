/**
 * Token buckets, one per key (a client address, a conversation): `capacity` requests at once, refilled at
 * `perSecond`. In memory: a flood is a property of one process's traffic, and losing the counts on a restart
 * only forgives. The number of keys is bounded so that a flood of new keys cannot grow memory without end.
 */

export interface RateLimitPolicy {
  capacity: number;
  perSecond: number;
}

/** A policy from a configured limit: `burst` at once, then `perMinute` a minute. */
export function policyOf(setting: { burst: number; perMinute: number }): RateLimitPolicy {
  return { capacity: setting.burst, perSecond: setting.perMinute / 60 };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MAX_KEYS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly policy: RateLimitPolicy, private readonly now: () => number = Date.now) {}

  /** Takes one token for the key; false when the key has none left (the caller answers 429). */
  take(key: string, cost = 1): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.policy.capacity, updatedAt: now };
    const refilled = Math.min(this.policy.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.policy.perSecond);
    const allowed = refilled >= cost;
    const next = { tokens: allowed ? refilled - cost : refilled, updatedAt: now };
    // Re-inserting keeps the map in least-recently-used order, so the oldest key is the first to go.
    this.buckets.delete(key);
    this.buckets.set(key, next);
    if (this.buckets.size > MAX_KEYS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }

  /** Seconds until the key has a token again: the Retry-After a refused client is told. */
  retryAfterSeconds(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.tokens >= 1) return 0;
    return Math.ceil((1 - bucket.tokens) / this.policy.perSecond);
  }
}
