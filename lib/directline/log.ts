import { isAppError } from '../errors';
import { KeyedLock } from '../keyedLock';
import type { Collection, IndexSpec, Store } from '../store/types';

/**
 * The Direct Line conversations and their activity logs, in the store, so that a client that reconnects — even
 * after the service restarted — resumes from its watermark and misses nothing.
 *
 * Each conversation numbers its activities 1, 2, 3…; an activity's id is `conversationId|0000001` and the
 * watermark a client holds is the number of the last activity it has. Appends to one conversation are
 * serialised in this process, so numbers are written in order and a reader never skips one. The next number
 * is kept in memory once known (an append is then one write), read back from the log after a restart, and a
 * unique index catches another instance numbering the same conversation. (Several instances sharing one
 * MongoDB still need sticky sessions per conversation for the live stream; see docs/operations.md.)
 */

export const DIRECTLINE_CONVERSATIONS = 'conversations';
export const DIRECTLINE_ACTIVITIES = 'dl_activities';

export const DIRECTLINE_LOG_INDEXES: readonly IndexSpec[] = [
  // A Direct Line client reading its conversation from a watermark.
  { collection: DIRECTLINE_ACTIVITIES, keys: { conversationId: 1, seq: 1 }, options: { unique: true } },
  // Retention: what was said on Web Chat, and the conversations, past their time.
  { collection: DIRECTLINE_ACTIVITIES, keys: { at: 1 } },
  { collection: DIRECTLINE_CONVERSATIONS, keys: { lastActivityAt: 1 } },
];

export interface DirectLineConversation {
  _id: string;
  channelId: 'directline';
  userId: string;
  locale?: string;
  createdAt: number;
  lastActivityAt: number;
}

interface ActivityRecord {
  _id: string;
  conversationId: string;
  seq: number;
  /** The activity as JSON text: cards carry keys such as `$schema` that a document store may not take as field names. */
  json: string;
  at: number;
}

/** An activity as the client receives it: JSON, with its id set. */
export type LoggedActivity = Record<string, unknown> & { id: string };

export interface ActivityPage {
  activities: LoggedActivity[];
  watermark: number;
}

/** Activities returned per page; clients page on by watermark. */
export const PAGE_SIZE = 100;
/** Conversations whose next number is remembered; the least recently used are forgotten (and read back). */
const MAX_REMEMBERED = 10_000;
/** lastActivityAt is written at most this often per conversation: it is for housekeeping, not for clients. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * How long a message that shows a value once (an anonymous filer's PIN) is served as sent to clients that poll,
 * from memory: the log holds it with the value hidden. Clients on the stream get it as it is sent; a client
 * that comes back later reads the hidden copy.
 */
export const SHOWN_ONCE_MS = 2 * 60 * 1000;

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class DirectLineLog {
  private readonly conversations: Collection<DirectLineConversation>;
  private readonly activities: Collection<ActivityRecord>;
  private readonly appendLock = new KeyedLock({ reentrant: false });
  private readonly next = new Map<string, { seq: number; touchedAt: number }>();
  private readonly shownOnce = new Map<string, { activity: LoggedActivity; until: number }>();

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.conversations = store.collection<DirectLineConversation>(DIRECTLINE_CONVERSATIONS);
    this.activities = store.collection<ActivityRecord>(DIRECTLINE_ACTIVITIES);
  }

  /** Creates the conversation if it does not exist yet; says whether it did. */
  async open(conversationId: string, userId: string, locale?: string): Promise<{ created: boolean; conversation: DirectLineConversation }> {
    const now = this.now();
    const result = await this.conversations.updateOne(
      { _id: conversationId },
      { $setOnInsert: { channelId: 'directline', userId, createdAt: now, lastActivityAt: now, ...(locale ? { locale } : {}) } },
      { upsert: true },
    );
    const conversation = await this.conversations.findOne({ _id: conversationId });
    if (!conversation) throw new Error('The conversation vanished while it was being opened');
    return { created: result.upsertedId !== null, conversation };
  }

  get(conversationId: string): Promise<DirectLineConversation | null> {
    return this.conversations.findOne({ _id: conversationId });
  }

  /**
   * Appends an activity; `build` receives its id and returns the activity to store (with that id). Resolves
   * with the stored activity and its number once it is durably written. `asSent`, when given, is the activity
   * as the citizen is shown it, kept in memory only, for SHOWN_ONCE_MS (see {@link since}).
   */
  async append(
    conversationId: string,
    build: (id: string) => Record<string, unknown>,
    asSent?: (id: string) => Record<string, unknown>,
  ): Promise<{ activity: LoggedActivity; seq: number }> {
    return this.appendLock.run(conversationId, async () => {
      for (let attempt = 0; ; attempt += 1) {
        const known = this.next.get(conversationId) ?? (await this.readNext(conversationId));
        const now = this.now();
        const seq = known.seq;
        const id = activityId(conversationId, seq);
        const activity = { ...build(id), id } as LoggedActivity;
        try {
          await this.activities.insertOne({ _id: id, conversationId, seq, json: JSON.stringify(activity), at: now });
        } catch (error) {
          // Another instance wrote this number: read the log's end again and take the next one.
          if (isAppError(error, 'STORE_DUPLICATE_KEY') && attempt < 3) {
            this.next.delete(conversationId);
            continue;
          }
          throw error;
        }
        let touchedAt = known.touchedAt;
        if (now - touchedAt >= TOUCH_INTERVAL_MS) {
          await this.conversations.updateOne({ _id: conversationId }, { $set: { lastActivityAt: now } });
          touchedAt = now;
        }
        this.remember(conversationId, { seq: seq + 1, touchedAt });
        this.forgetShownOnce(now);
        if (asSent) this.shownOnce.set(id, { activity: { ...asSent(id), id } as LoggedActivity, until: now + SHOWN_ONCE_MS });
        return { activity, seq };
      }
    });
  }

  /** The next number of a conversation, from the end of its log; throws for a conversation that does not exist. */
  private async readNext(conversationId: string): Promise<{ seq: number; touchedAt: number }> {
    const conversation = await this.conversations.findOne({ _id: conversationId });
    if (!conversation) throw new Error(`No conversation ${conversationId}`);
    const [last] = await this.activities.find({ conversationId }, { sort: { seq: -1 }, limit: 1 }).toArray();
    return { seq: (last?.seq ?? 0) + 1, touchedAt: conversation.lastActivityAt };
  }

  private remember(conversationId: string, next: { seq: number; touchedAt: number }): void {
    this.next.delete(conversationId);
    this.next.set(conversationId, next);
    if (this.next.size > MAX_REMEMBERED) {
      const oldest = this.next.keys().next().value;
      if (oldest !== undefined) this.next.delete(oldest);
    }
  }

  /**
   * Activities after the watermark, oldest first, at most a page. With `asSent`, an activity that shows a value
   * once is returned as it was sent while it is fresh: for clients that poll, which would otherwise never see
   * it (stream clients were sent it live).
   */
  async since(conversationId: string, watermark: number, options: { limit?: number; asSent?: boolean } = {}): Promise<ActivityPage> {
    const records = await this.activities
      .find({ conversationId, seq: { $gt: watermark } }, { sort: { seq: 1 }, limit: options.limit ?? PAGE_SIZE })
      .toArray();
    const now = this.now();
    return {
      activities: records.map((record) => {
        const sent = options.asSent ? this.shownOnce.get(record._id) : undefined;
        return sent && sent.until > now ? sent.activity : (JSON.parse(record.json) as LoggedActivity);
      }),
      watermark: records.length > 0 ? records[records.length - 1].seq : watermark,
    };
  }

  /**
   * The last `limit` activities of a conversation, oldest first, as the log keeps them (values shown once hidden);
   * with `after`, only those logged after that time. For reading back what was said, not for clients: no watermark.
   */
  async latest(conversationId: string, options: { limit: number; after?: number }): Promise<LoggedActivity[]> {
    const records = await this.activities
      .find({ conversationId, ...(options.after !== undefined ? { at: { $gt: options.after } } : {}) }, { sort: { seq: -1 }, limit: options.limit })
      .toArray();
    return records.reverse().map((record) => JSON.parse(record.json) as LoggedActivity);
  }

  /**
   * Deletes what was said before `cutoff` (retention), and the conversations idle since then: a client that
   * comes back to one starts it afresh.
   */
  async purgeBefore(cutoff: number): Promise<{ activities: number; conversations: number }> {
    const activities = await this.activities.deleteMany({ at: { $lt: cutoff } });
    const conversations = await this.conversations.deleteMany({ lastActivityAt: { $lt: cutoff } });
    for (const conversationId of [...this.next.keys()]) {
      // Numbering restarts from the log for a conversation that may have been deleted.
      this.next.delete(conversationId);
    }
    return { activities: activities.deletedCount, conversations: conversations.deletedCount };
  }

  private forgetShownOnce(now: number): void {
    for (const [id, entry] of this.shownOnce) if (entry.until <= now) this.shownOnce.delete(id);
  }
}
