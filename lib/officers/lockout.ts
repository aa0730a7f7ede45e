import { createHash } from 'node:crypto';

/**
 * When repeated wrong passwords lock an officer account, and for how long. The per-address limits of the sign-in
 * route (handoff/api/session.ts) take the brunt of guessing; the account lock is the answer to guessing spread over many
 * networks, which no per-address limit sees. So that a stranger cannot lock an account (`admin` above all) at
 * will, failures lock it only when they come from several networks, and the lock is short at first and grows
 * with each lock in a row (docs/operations.md explains the choice).
 */

export interface LockoutPolicy {
  /** Wrong passwords since the last sign-in or lock that lock the account... */
  maxFailures: number;
  /** ...when they came from at least this many networks. */
  minNetworks: number;
  /** The first lock; each lock in a row doubles it... */
  firstLockMs: number;
  /** ...up to this. */
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 10, minNetworks: 3, firstLockMs: 60 * 1000, maxLockMs: 15 * 60 * 1000 };

/** How long to lock after this failure, or undefined when the account stays open. */
export function lockFor(failures: number, networks: number, locksInARow: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): number | undefined {
  if (failures < policy.maxFailures || networks < policy.minNetworks) return undefined;
  return Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** Math.min(locksInARow, 30));
}

/**
 * What the account keeps of the network a failure came from: enough to tell a few networks apart, too little
 * (16 bits) to say which one it was — a client address is personal data, and this is stored with the account.
 */
export function networkTag(network: string): string {
  return createHash('sha256').update(network).digest('hex').slice(0, 4);
}
