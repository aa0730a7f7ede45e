/**
 * The shape of the FAQ question bank (`lib/faq/seed/faq.json`): every entry carries both languages.
 */

/** A language of the question bank. The same two as the bot's `Lang`, named here so lib/faq stands alone. */
export type FaqLang = 'th' | 'en';

/** The two languages, Thai first. */
export const FAQ_LANGS: readonly FaqLang[] = ['th', 'en'];

/** Text in both languages. */
export type Bilingual<T> = Record<FaqLang, T>;

/** A link shown under an answer. */
export interface FaqLink {
  title: Bilingual<string>;
  url: string;
}

/** One question-and-answer pair: several phrasings of the question, one answer, in Thai and English. */
export interface FaqEntry {
  id: string;
  questions: Bilingual<string[]>;
  answer: Bilingual<string>;
  links?: FaqLink[];
  keywords?: Bilingual<string[]>;
  /** The kind of complaint the topic is about (a category id): "file a complaint about this" starts with it. */
  categoryId?: string;
  /**
   * The answer depends on the centre (where it is, how to reach it): a question that names a place is
   * answered with that place's centre instead of this general text.
   */
  perCentre?: boolean;
}
