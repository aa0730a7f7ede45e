import type { FaqMatch } from './matcher';
import type { FaqEntry } from './types';

/**
 * The entry a question is about when its answer depends on the centre ("where is the Chiang Mai centre?",
 * "เบอร์ศูนย์ดำรงธรรมอำเภอหางดง"): the best match, confident or merely the first of a few, if it is marked
 * `perCentre`. A place name is a word the bank does not know, so a question that names one often matches only
 * weakly; the place itself is found by the caller, and without one the general answer stands.
 */
export function perCentreEntry(match: FaqMatch): FaqEntry | undefined {
  const best = match.kind === 'confident' ? match.entry : match.kind === 'weak' ? match.candidates[0]?.entry : undefined;
  return best?.perCentre === true ? best : undefined;
}
