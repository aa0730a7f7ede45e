import { randomUUID } from 'node:crypto';
import type { AuditAction } from './auditActions';
import type { Collection, IndexSpec, JsonValue, Store } from './store/types';

/**
 * The audit log: every officer action (sign-in, claim, reply, transfer, close, status change, account and
 * content changes), who did it and to what. Details name ids and codes, never a citizen's words or contact
 * details: the log itself must not become a second copy of personal data.
 */

export const AUDIT_COLLECTION = 'audit';

/** The whole log, newest first (admins), and one officer's or one target's; _id breaks ties within a millisecond. */
export const AUDIT_INDEXES: readonly IndexSpec[] = [
  { collection: AUDIT_COLLECTION, keys: { at: -1, _id: -1 } },
  { collection: AUDIT_COLLECTION, keys: { actor: 1, at: -1, _id: -1 } },
  { collection: AUDIT_COLLECTION, keys: { target: 1, at: -1, _id: -1 } },
];

export { AUDIT_ACTIONS, type AuditAction } from './auditActions';

export interface AuditEntry {
  _id: string;
  at: number;
  /** The officer's id, or 'system'. */
  actor: string;
  action: string;
  /** What was acted on: a conversation key, a tracking number, an account id, a content key. */
  target: string;
  details?: Record<string, JsonValue>;
}

export class AuditLog {
  private readonly entries: Collection<AuditEntry>;
  private lastAt = -1;
  private sequence = 0;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.entries = store.collection<AuditEntry>(AUDIT_COLLECTION);
  }

  async record(actor: string, action: AuditAction, target: string, details?: Record<string, JsonValue>): Promise<void> {
    const at = this.now();
    await this.entries.insertOne({ _id: this.nextId(at), at, actor, action, target, ...(details ? { details } : {}) });
  }

  /**
   * The latest entries, newest first: for admins, or about one actor or target. `before` is the id of the last
   * entry already seen, to page back in time; an unknown id gives nothing rather than the wrong page.
   */
  async recent(filter: { actor?: string; target?: string; before?: string } = {}, limit = 100): Promise<AuditEntry[]> {
    const { before, ...who } = filter;
    let older = {};
    if (before !== undefined) {
      const last = await this.entries.findOne({ _id: before });
      if (!last) return [];
      older = { $or: [{ at: { $lt: last.at } }, { at: last.at, _id: { $lt: last._id } }] };
    }
    return this.entries.find({ ...who, ...older }, { sort: { at: -1, _id: -1 }, limit }).toArray();
  }

  /**
   * Ids that sort in the order entries were written, even within one millisecond (a fixed clock in tests, a burst
   * of actions in production): the time, a counter, then randomness so that two processes never collide.
   */
  private nextId(at: number): string {
    this.sequence = at === this.lastAt ? this.sequence + 1 : 0;
    this.lastAt = at;
    return `${at.toString(36).padStart(9, '0')}${this.sequence.toString(36).padStart(4, '0')}${randomUUID().replace(/-/g, '').slice(0, 11)}`;
  }
}
