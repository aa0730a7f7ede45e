import { findTrackingNumber } from '../complaints/trackingNumber';
import type { IntentRecognizer } from './recognizer';

/**
 * A request a citizen makes in the middle of something else: to file, to track, to talk to an officer, or a
 * question the bot can answer. Flows waiting for an answer ask this before taking a message that is not one of
 * their answers, so that a citizen is never kept at a question they have moved on from.
 */
export type Request =
  | { kind: 'file'; categoryId?: string }
  | { kind: 'track'; number?: string }
  | { kind: 'officer' }
  | { kind: 'faq' }
  | { kind: 'question' };

/** How sure the bot is that it can answer a message: an answer, a few to offer, an answer for a place, nothing. */
export type Answerability = 'confident' | 'weak' | 'place' | 'none';

/**
 * How readily a message counts as a request:
 * - `any`: the question had fixed options and this message is none of them; a question the bank can answer
 *   even roughly counts;
 * - `explicit`: the question takes free words too (a place to search for), so only words that name a flow,
 *   a tracking number, or a question answered with confidence count.
 */
export type Readiness = 'any' | 'explicit';

export function recognizeRequest(
  text: string | undefined,
  intents: IntentRecognizer,
  answerable: (text: string) => Answerability,
  readiness: Readiness,
): Request | undefined {
  if (!text || text.trim() === '') return undefined;
  const route = intents.route(text);
  if (route.kind === 'track' && route.number) return route;
  if (route.kind === 'officer') return route;
  if (route.kind === 'faq') return route;
  // "ร้องเรียนต้องเสียเงินไหม" names filing but asks about it: a question, when the bot can answer it.
  if (intents.isQuestion(text)) {
    const answer = answerable(text);
    if (answer === 'confident' || answer === 'place' || (answer === 'weak' && readiness === 'any')) return { kind: 'question' };
  }
  if (route.kind === 'file' || route.kind === 'track') return route;
  // A number that fails its check is still a citizen trying to track ("DD-2569-7K3Q9XN").
  if (findTrackingNumber(text.slice(0, 200))) return { kind: 'track' };
  return undefined;
}
