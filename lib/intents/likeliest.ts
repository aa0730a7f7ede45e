import { normalizeText } from '../thai/text';
import type { IntentRecognizer } from './recognizer';

/** What a citizen most often comes for; a message the bot did not understand is offered three of these. */
export type Flow = 'file' | 'track' | 'faq' | 'officer';

/** With no evidence: filing and questions first, then an officer (a person can untangle anything), then tracking. */
const PRIOR: Readonly<Record<Flow, number>> = { file: 4, faq: 3, officer: 2, track: 1 };
/** A message this long is most likely a citizen describing their problem. */
const DESCRIPTIVE_LENGTH = 40;
const DIGITS = /[0-9๐-๙]/;

/**
 * The three flows a message the bot did not understand most likely asks for, likeliest first. Evidence
 * outweighs the prior: a category's keyword or a long message points to filing, a question to the question
 * bank, digits to tracking (a mistyped number).
 */
export function likeliestFlows(text: string | undefined, intents: IntentRecognizer): Flow[] {
  const score: Record<Flow, number> = { ...PRIOR };
  const message = (text ?? '').slice(0, 2000);
  if (message.trim() !== '') {
    if (intents.guessCategory(normalizeText(message))) score.file += 10;
    if (message.trim().length >= DESCRIPTIVE_LENGTH) score.file += 5;
    if (intents.isQuestion(message)) score.faq += 10;
    if (DIGITS.test(message)) score.track += 8;
  }
  return (Object.keys(score) as Flow[]).sort((a, b) => score[b] - score[a]).slice(0, 3);
}
