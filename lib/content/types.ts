import type { Lang } from '../i18n/language';

/** A text in both languages. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** A kind of matter citizens file (complaints about officials, tip-offs, land disputes, …). */
export interface Category {
  id: string;
  label: Bilingual;
  description: Bilingual;
  /** Words that suggest this category in a citizen's own description. */
  keywords: Readonly<Record<Lang, readonly string[]>>;
  /** Tip-offs may be filed without contact details. */
  anonymousAllowed: boolean;
  /** A linked agency that usually handles this kind of matter, offered first when choosing where to file. */
  suggestedAgency?: string;
  order: number;
  /** Inactive categories are kept for old complaints but no longer offered. */
  active?: boolean;
}

/** A ready answer officers insert into a reply, in both languages (lib/content/cannedText.ts). */
export type { CannedAnswer, CannedText } from './cannedText';

/** What a whole-message command or a free-text keyword means, per language. */
export const INTENTS = [
  'file',
  'track',
  'faq',
  'officer',
  'talkToOfficer',
  'menu',
  'help',
  'cancel',
  'startOver',
  'greeting',
  'yes',
  'no',
  'skip',
  'done',
  'unknownDate',
  'question',
  // "Keep as it is" when a detail given before is asked again; skipping it keeps it too.
  'keep',
] as const;
export type Intent = (typeof INTENTS)[number];

export type IntentTable = Readonly<Record<Intent, Readonly<Record<Lang, readonly string[]>>>>;
