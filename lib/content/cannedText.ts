import type { PoliteEnding } from '../officers/accountRules';
import type { Lang } from '../i18n/language';

/**
 * Canned answers officers insert into a reply. Thai sentences end with the speaker's particle (ค่ะ for one
 * speaker, ครับ for another), so an answer is written either neutrally or in both forms, and the officer's own
 * setting chooses. Browser-safe: the officer app fills the reply box with cannedReply, the same rule the
 * service documents.
 */

export const CANNED_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_CANNED_TITLE_LENGTH = 100;
export const MAX_CANNED_TEXT_LENGTH = 2000;
export const MAX_CANNED_ANSWERS = 200;

export type CannedText =
  | { form: 'neutral'; th: string; en: string }
  | { form: 'polite'; th: Readonly<Record<PoliteEnding, string>>; en: string };

export interface CannedAnswer {
  id: string;
  title: Readonly<Record<Lang, string>>;
  text: CannedText;
}

/**
 * The text an officer's reply starts from: English as written; Thai neutral as written, or in the form of the
 * officer's polite ending. An officer who has not chosen one gets the ค่ะ form, as every answer read before
 * answers came in two forms; the app asks them to choose.
 */
export function cannedReply(answer: Pick<CannedAnswer, 'text'>, lang: Lang, ending: PoliteEnding | undefined): string {
  if (lang === 'en') return answer.text.en;
  return answer.text.form === 'neutral' ? answer.text.th : answer.text.th[ending ?? 'kha'];
}
