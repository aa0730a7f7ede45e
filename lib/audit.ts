import type { Collection, JsonValue, Store } from './store/types';

/**
 * The audit log: every officer action (sign-in, claim, reply, transfer, close, status change, account and
 * content changes), who did it and to what. Details name ids and codes, never a citizen's words or contact
 * details: the log itself must not become a second copy of personal data.
 */

export const AUDIT_COLLECTION = 'audit';

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

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.entries = store.collection<AuditEntry>(AUDIT_COLLECTION);
  }

  async record(actor: string, action: string, target: string, details?: Record<string, JsonValue>): Promise<void> {
    await this.entries.insertOne({ at: this.now(), actor, action, target, ...(details ? { details } : {}) });
  }

  /** The latest entries, newest first: for admins, or about one target. */
  recent(filter: { actor?: string; target?: string } = {}, limit = 100): Promise<AuditEntry[]> {
    return this.entries.find({ ...filter }, { sort: { at: -1 }, limit }).toArray();
  }
}
