import type { FaqMatch } from './matcher';
import type { FaqEntry } from './types';

/** Place names are short: the rest of a long message is not read for one. */
const MAX_PLACE_TEXT = 500;

/**
 * The entry a question is about when its answer depends on the centre ("where is the Chiang Mai centre?",
 * "เบอร์ศูนย์ดำรงธรรมอำเภอหางดง"): the best match, confident or merely the first of a few, if it is marked
 * `perCentre`. A place name is a word the bank does not know, so a question that names one often matches only
 * weakly; without a place, the general answer stands.
 */
export function perCentreEntry(match: FaqMatch): FaqEntry | undefined {
  const best = match.kind === 'confident' ? match.entry : match.kind === 'weak' ? match.candidates[0]?.entry : undefined;
  return best?.perCentre === true ? best : undefined;
}

/** How the bank can answer a message: for one centre, outright, with a few to choose from, or not at all. */
export type FaqAssessment<C> =
  | { kind: 'centre'; entry: FaqEntry; centre: C }
  | { kind: 'confident'; entry: FaqEntry }
  | { kind: 'weak'; entries: FaqEntry[] }
  | { kind: 'none' };

/**
 * Reads a match together with the place the message names, if any (`placeOf` finds a centre in free text).
 * The place is looked for only when the match is about where a centre is or how to reach it.
 */
export function assessQuestion<C>(match: FaqMatch, text: string, placeOf: (text: string) => C | undefined): FaqAssessment<C> {
  const perCentre = perCentreEntry(match);
  if (perCentre) {
    const centre = placeOf(text.slice(0, MAX_PLACE_TEXT));
    if (centre) return { kind: 'centre', entry: perCentre, centre };
  }
  if (match.kind === 'confident') return { kind: 'confident', entry: match.entry };
  if (match.kind === 'weak') return { kind: 'weak', entries: match.candidates.map((candidate) => candidate.entry) };
  return { kind: 'none' };
}
