import faqSeed from '../faq/seed/faq.json';
import type { FaqEntry } from '../faq/types';
import categoriesSeed from './seed/categories.json';
import intentsSeed from './seed/intents.json';
import messagesSeed from './seed/messages.json';
import type { Bilingual, Category, IntentTable } from './types';

/** The content the repository ships: what a fresh store is seeded with. */
export interface ContentSeed {
  messages: Readonly<Record<string, Bilingual>>;
  categories: readonly Category[];
  faq: readonly FaqEntry[];
  intents: IntentTable;
}

export const SEED_CONTENT: ContentSeed = {
  messages: messagesSeed,
  categories: categoriesSeed,
  faq: faqSeed as FaqEntry[],
  intents: intentsSeed,
};
