import faqSeed from '../faq/seed/faq.json';
import type { FaqEntry } from '../faq/types';
import { GOVERNMENT_WEEK, holidaysFromSeed, type OfficeCalendar } from '../handoff/officeHours';
import holidaySeed from '../handoff/seed/th-holidays-2026-2027.json';
import cannedSeed from './seed/canned.json';
import categoriesSeed from './seed/categories.json';
import intentsSeed from './seed/intents.json';
import messagesSeed from './seed/messages.json';
import type { Bilingual, CannedAnswer, Category, IntentTable } from './types';

/** The content the repository ships: what a fresh store is seeded with. */
export interface ContentSeed {
  messages: Readonly<Record<string, Bilingual>>;
  categories: readonly Category[];
  faq: readonly FaqEntry[];
  intents: IntentTable;
  /** When officers answer live: government hours less Thai holidays (see lib/centres/data/SOURCES.md). */
  officeHours: OfficeCalendar;
  /** Ready answers officers insert into their replies. */
  canned: readonly CannedAnswer[];
}

export const SEED_CONTENT: ContentSeed = {
  messages: messagesSeed,
  categories: categoriesSeed,
  faq: faqSeed as FaqEntry[],
  intents: intentsSeed,
  officeHours: { weekly: GOVERNMENT_WEEK, holidays: holidaysFromSeed(holidaySeed) },
  canned: cannedSeed as readonly CannedAnswer[],
};
