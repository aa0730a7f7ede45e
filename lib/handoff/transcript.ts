import type { Collection, IndexSpec, Store } from '../store/types';

/**
 * The transcript officers read: every message of a conversation — the citizen's, the bot's and the
 * officers' — with its attachments and links, in order. Officers see the bot's earlier messages too, so
 * they know what the citizen was told. An officer's reply that could not be delivered is marked so, never
 * dropped, and the officer is told.
 */

export const MESSAGES_COLLECTION = 'messages';

export const TRANSCRIPT_INDEXES: readonly IndexSpec[] = [
  // A conversation's transcript in order; officer replies still to deliver.
  { collection: MESSAGES_COLLECTION, keys: { conversationKey: 1, at: 1 } },
  { collection: MESSAGES_COLLECTION, keys: { delivery: 1, at: 1 } },
  // Retention: transcript lines past their time.
  { collection: MESSAGES_COLLECTION, keys: { at: 1 } },
];

export type Speaker = 'citizen' | 'bot' | 'officer' | 'system';
export type Delivery = 'delivered' | 'pending' | 'undeliverable';

export interface TranscriptAttachment {
  contentType: string;
  url?: string;
  name?: string;
}

export interface TranscriptMessage {
  _id: string;
  conversationKey: string;
  at: number;
  speaker: Speaker;
  /** For officer messages: who wrote it. */
  officerId?: string;
  text?: string;
  attachments?: TranscriptAttachment[];
  /** For officer messages: whether it reached the citizen. */
  delivery?: Delivery;
  /** Why a delivery failed, as a code (channel error names, never message contents). */
  failure?: string;
}

/** Bounds what one transcript line keeps: a transcript is for reading, not an archive of payloads. */
const MAX_TEXT = 10_000;
const MAX_ATTACHMENTS = 10;

export class Transcript {
  private readonly messages: Collection<TranscriptMessage>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.messages = store.collection<TranscriptMessage>(MESSAGES_COLLECTION);
  }

  async add(entry: Omit<TranscriptMessage, '_id' | 'at'> & { at?: number }): Promise<TranscriptMessage> {
    const message: Omit<TranscriptMessage, '_id'> = {
      conversationKey: entry.conversationKey,
      at: entry.at ?? this.now(),
      speaker: entry.speaker,
      ...(entry.officerId ? { officerId: entry.officerId } : {}),
      ...(entry.text !== undefined ? { text: entry.text.slice(0, MAX_TEXT) } : {}),
      ...(entry.attachments && entry.attachments.length > 0 ? { attachments: entry.attachments.slice(0, MAX_ATTACHMENTS) } : {}),
      ...(entry.delivery ? { delivery: entry.delivery } : {}),
      ...(entry.failure ? { failure: entry.failure.slice(0, 100) } : {}),
    };
    const { insertedId } = await this.messages.insertOne(message);
    return { ...message, _id: insertedId };
  }

  async markDelivery(messageId: string, delivery: Delivery, failure?: string): Promise<void> {
    await this.messages.updateOne({ _id: messageId }, { $set: { delivery, ...(failure ? { failure: failure.slice(0, 100) } : {}) } });
  }

  /** A conversation's messages, oldest first, from `after` (exclusive), at most `limit`. */
  history(conversationKey: string, options: { after?: number; limit?: number } = {}): Promise<TranscriptMessage[]> {
    return this.messages
      .find({ conversationKey, ...(options.after !== undefined ? { at: { $gt: options.after } } : {}) }, { sort: { at: 1 }, limit: options.limit ?? 500 })
      .toArray();
  }

  /** Deletes the messages written before `cutoff` (retention). */
  async purgeBefore(cutoff: number): Promise<number> {
    return (await this.messages.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }

  /** Officer replies still waiting for the citizen's channel to take them (retried by the delivery worker). */
  pending(limit = 100): Promise<TranscriptMessage[]> {
    return this.messages.find({ delivery: 'pending' }, { sort: { at: 1 }, limit }).toArray();
  }
}
