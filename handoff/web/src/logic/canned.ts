import type { CannedAnswer, Lang } from '../api/types';
import { cannedReply } from '../../../../lib/content/cannedText';
import type { PoliteEnding } from '../../../../lib/officers/accountRules';

/**
 * The text a canned answer puts in the reply box: the service's own rule (cannedReply), in the citizen's
 * language, the Thai in the officer's polite ending. An answer stored before answers had two forms reads as
 * neutral wording.
 */
export function cannedText(answer: CannedAnswer, lang: Lang, ending: PoliteEnding | undefined): string {
  const text = answer.text as CannedAnswer['text'] | { form?: undefined; th: string; en: string };
  return cannedReply({ text: text.form ? text : { form: 'neutral', th: text.th, en: text.en } }, lang, ending);
}
