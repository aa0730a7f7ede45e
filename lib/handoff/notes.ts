import type { Collection, IndexSpec, Store } from '../store/types';

/**
 * Officers' internal notes on a conversation: written for other officers (the next shift, the centre a
 * conversation is transferred to), shown beside the history, and never sent to the citizen. They are the
 * officers' own words about a citizen's matter, so they are purged with the transcripts (lib/privacy/retention.ts)
 * and never logged.
 */

export const NOTES_COLLECTION = 'handoff_notes';
export const MAX_NOTES_PER_CONVERSATION = 200;

export const NOTE_INDEXES: readonly IndexSpec[] = [
  // A conversation's notes in order; retention.
  { collection: NOTES_COLLECTION, keys: { conversationKey: 1, at: 1 } },
  { collection: NOTES_COLLECTION, keys: { at: 1 } },
];

export interface NoteDocument {
  _id: string;
  conversationKey: string;
  at: number;
  officerId: string;
  text: string;
  /** Written with a transfer, for the receiving centre. */
  transfer?: { from: string; to: string };
}

export class HandoffNotes {
  private readonly notes: Collection<NoteDocument>;

  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.notes = store.collection<NoteDocument>(NOTES_COLLECTION);
  }

  async add(note: Omit<NoteDocument, '_id' | 'at'>): Promise<NoteDocument> {
    const document: Omit<NoteDocument, '_id'> = { ...note, at: this.now() };
    const { insertedId } = await this.notes.insertOne(document);
    return { ...document, _id: insertedId };
  }

  /** A conversation's notes, oldest first. */
  list(conversationKey: string): Promise<NoteDocument[]> {
    return this.notes.find({ conversationKey }, { sort: { at: 1 }, limit: MAX_NOTES_PER_CONVERSATION }).toArray();
  }

  /** Deletes the notes written before `cutoff` (retention, with the transcripts). */
  async purgeBefore(cutoff: number): Promise<number> {
    return (await this.notes.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }
}
