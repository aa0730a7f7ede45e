import type { Translate } from '../../cards/card';
import { menuLabel } from '../../cards/menu';

/**
 * After this many answers in a row that a question could not take, the citizen is offered help and an officer
 * with the question, rather than being asked the same thing a third time as if nothing were wrong.
 */
export const MISSES_BEFORE_HELP = 2;

/** The offer made to a citizen stuck at a question: its words, and its buttons (help, an officer). */
export function stuckOffer(t: Translate): { text: string; labels: string[] } {
  return { text: t('common.stuck'), labels: [t('common.helpLabel'), menuLabel('officer', t)] };
}
