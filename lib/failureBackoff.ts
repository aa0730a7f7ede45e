/**
 * Backoff after failures, one counter per key (a client's network): the first few failures cost nothing, then
 * the next attempt waits, and each further failure doubles the wait, up to a ceiling. A success clears the key; a key with no
 * failure for `forgetAfterMs` starts afresh. In memory, like RateLimiter (lib/rateLimit.ts): losing the counts on a
 * restart only forgives, and the number of keys is bounded.
 */

export interface BackoffPolicy {
  /** Failures that cost no wait. */
  freeFailures: number;
  /** The wait after the last free failure; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

interface Entry {
  failures: number;
  lastFailureAt: number;
}

const MAX_KEYS = 50_000;

export class FailureBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policy: BackoffPolicy, private readonly now: () => number = Date.now) {}

  /** Milliseconds the key must still wait before its next attempt is heard; 0 when it may go ahead. */
  waitMs(key: string): number {
    const entry = this.current(key);
    if (!entry || entry.failures < this.policy.freeFailures) return 0;
    const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** Math.min(entry.failures - this.policy.freeFailures, 30));
    return Math.max(0, entry.lastFailureAt + delay - this.now());
  }

  failed(key: string): void {
    const failures = (this.current(key)?.failures ?? 0) + 1;
    // Re-inserting keeps the map in least-recently-used order, so the oldest key is the first to go.
    this.entries.delete(key);
    this.entries.set(key, { failures, lastFailureAt: this.now() });
    if (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  succeeded(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.lastFailureAt >= this.policy.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
