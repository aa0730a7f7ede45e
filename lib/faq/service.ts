import type { Lang } from '../i18n/language';
import type { Collection, IndexSpec, Store } from '../store/types';
import { type FaqMatch, FaqMatcher } from './matcher';
import type { FaqEntry } from './types';

export const FAQ_FEEDBACK_COLLECTION = 'faq_feedback';
/** Counting "did this help?" per answer. */
export const FAQ_FEEDBACK_INDEXES: readonly IndexSpec[] = [{ collection: FAQ_FEEDBACK_COLLECTION, keys: { entryId: 1 } }];

interface FeedbackDocument {
  _id: string;
  entryId: string;
  helpful: boolean;
  lang: Lang;
  at: number;
}

/** Where the question bank comes from; its version changes whenever an admin edits the bank. */
export interface FaqSource {
  faqEntries(): readonly FaqEntry[];
  readonly version: number;
}

/**
 * Answers questions from the bank in content. The BM25 index is rebuilt only when the content version
 * changes, so an admin's new answer is used from the next question on.
 */
export class FaqService {
  private matcher: FaqMatcher | undefined;
  private builtFor = Number.NaN;
  private readonly feedback: Collection<FeedbackDocument>;

  constructor(private readonly source: FaqSource, store: Store, private readonly now: () => number = Date.now) {
    this.feedback = store.collection<FeedbackDocument>(FAQ_FEEDBACK_COLLECTION);
  }

  match(text: string, lang: Lang): FaqMatch {
    return this.index().match(text, lang);
  }

  entry(id: string): FaqEntry | undefined {
    return this.source.faqEntries().find((entry) => entry.id === id);
  }

  /**
   * "Did this help?": counted per answer, with nothing about who asked. `answerId` names the answer given (one
   * card): its buttons may be pressed again, and are counted once. Returns whether this was counted.
   */
  async recordFeedback(entryId: string, helpful: boolean, lang: Lang, answerId?: string): Promise<boolean> {
    if (answerId !== undefined) {
      const _id = `answer:${answerId}`;
      if (await this.feedback.findOne({ _id })) return false;
      await this.feedback.insertOne({ _id, entryId, helpful, lang, at: this.now() });
      return true;
    }
    await this.feedback.insertOne({ entryId, helpful, lang, at: this.now() });
    return true;
  }

  private index(): FaqMatcher {
    if (!this.matcher || this.builtFor !== this.source.version) {
      this.matcher = new FaqMatcher([...this.source.faqEntries()]);
      this.builtFor = this.source.version;
    }
    return this.matcher;
  }
}
