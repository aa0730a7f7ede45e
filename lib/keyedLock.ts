import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Runs tasks one at a time per key, in arrival order, and tasks of different keys concurrently.
 * The adapter keys it by conversation so that two messages of one citizen (or a citizen's message and an
 * officer's proactive reply) never interleave their reads and writes of conversation state.
 *
 * With `reentrant`, a task that runs under a key and starts another task for the same key runs it directly:
 * waiting for itself would deadlock. That bookkeeping (AsyncLocalStorage) costs on every await, so locks
 * whose tasks never nest leave it off.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held: AsyncLocalStorage<ReadonlySet<string>> | undefined;

  constructor(options: { reentrant?: boolean } = { reentrant: true }) {
    this.held = options.reentrant ? new AsyncLocalStorage<ReadonlySet<string>>() : undefined;
  }

  /** Number of keys with a running or waiting task. */
  get activeKeys(): number {
    return this.tails.size;
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const heldKeys = this.held?.getStore();
    if (heldKeys?.has(key)) return task();

    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    try {
      await previous;
      if (!this.held) return await task();
      const nextHeld = new Set(heldKeys ?? []);
      nextHeld.add(key);
      return await this.held.run(nextHeld, task);
    } finally {
      release();
      // Only the last waiter removes the key, so the map never grows with idle conversations.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
