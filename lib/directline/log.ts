import { KeyedLock } from '../keyedLock';
import type { Collection, Store } from '../store/types';

/**
 * The Direct Line conversations and their activity logs, in the store, so that a client that reconnects — even
 * after the service restarted — resumes from its watermark and misses nothing.
 *
 * Each conversation numbers its activities 1, 2, 3…; an activity's id is `conversationId|0000001` and the
 * watermark a client holds is the number of the last activity it has. Appends to one conversation are
 * serialised in this process, so numbers are written in order and a reader never skips one. (Several
 * instances sharing one MongoDB would need sticky sessions per conversation; see docs/operations.md.)
 */

export const DIRECTLINE_CONVERSATIONS = 'conversations';
export const DIRECTLINE_ACTIVITIES = 'dl_activities';

export interface DirectLineConversation {
  _id: string;
  channelId: 'directline';
  userId: string;
  locale?: string;
  nextSeq: number;
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

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class DirectLineLog {
  private readonly conversations: Collection<DirectLineConversation>;
  private readonly activities: Collection<ActivityRecord>;
  private readonly appendLock = new KeyedLock();

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.conversations = store.collection<DirectLineConversation>(DIRECTLINE_CONVERSATIONS);
    this.activities = store.collection<ActivityRecord>(DIRECTLINE_ACTIVITIES);
  }

  /** Creates the conversation if it does not exist yet; says whether it did. */
  async open(conversationId: string, userId: string, locale?: string): Promise<{ created: boolean; conversation: DirectLineConversation }> {
    const now = this.now();
    const result = await this.conversations.updateOne(
      { _id: conversationId },
      { $setOnInsert: { channelId: 'directline', userId, nextSeq: 0, createdAt: now, lastActivityAt: now, ...(locale ? { locale } : {}) } },
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
   * with the stored activity and its number once it is durably written.
   */
  async append(conversationId: string, build: (id: string) => Record<string, unknown>): Promise<{ activity: LoggedActivity; seq: number }> {
    return this.appendLock.run(conversationId, async () => {
      const now = this.now();
      const counted = await this.conversations.findOneAndUpdate(
        { _id: conversationId },
        { $inc: { nextSeq: 1 }, $set: { lastActivityAt: now } },
        { returnDocument: 'after' },
      );
      if (!counted) throw new Error(`No conversation ${conversationId}`);
      const seq = counted.nextSeq;
      const id = activityId(conversationId, seq);
      const activity = { ...build(id), id } as LoggedActivity;
      await this.activities.insertOne({ _id: id, conversationId, seq, json: JSON.stringify(activity), at: now });
      return { activity, seq };
    });
  }

  /** Activities after the watermark, oldest first, at most a page. */
  async since(conversationId: string, watermark: number, limit = PAGE_SIZE): Promise<ActivityPage> {
    const records = await this.activities
      .find({ conversationId, seq: { $gt: watermark } }, { sort: { seq: 1 }, limit })
      .toArray();
    return {
      activities: records.map((record) => JSON.parse(record.json) as LoggedActivity),
      watermark: records.length > 0 ? records[records.length - 1].seq : watermark,
    };
  }
}
