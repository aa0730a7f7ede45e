/*
 * How well a query matches a centre's key, from 0 to 1: for searches (prefixes, fragments, shared n-grams, typos)
 * and, stricter, for names found in free text (whole names, a typo or two).
 */

/** A centre's name in the normal form (normalForm.ts), with what the index knows of it. */
export interface Key {
  readonly centre: number;
  readonly text: string;
  // Sorted n-gram ids.
  readonly grams: Int32Array;
  // Too short or too common to be believed in free text without a label or the province.
  readonly weak: boolean;
  // A district key equal to its own province's (the district พระนครศรีอยุธยา): in free text it is the province.
  readonly sameAsProvince: boolean;
}

/** A query, or a part of one, in the normal form and as the index's n-gram ids. */
export interface Reading {
  readonly text: string;
  // Ids of the n-grams that occur in some key.
  readonly ids: readonly number[];
  // The same ids as a set, made on first use: only district-by-province scoring needs it.
  idSet?: ReadonlySet<number>;
  // All n-grams, known or not: the size of the set in the Dice coefficient.
  readonly gramCount: number;
}

// Edit distance is only worth computing for keys that share this share of n-grams with the query.
const FUZZY_DICE_MIN = 0.25;
// Fuzzy location matches need this many characters: one typo in a shorter name leaves too little.
export const MIN_FUZZY_LOCATION_CHARS = 5;

// Rows reused by `editDistance`: it runs for many candidates per query and must not allocate.
let distanceRows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

// Optimal string alignment distance (Levenshtein plus adjacent transpositions); stops early above `max`.
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (distanceRows[0].length < width) distanceRows = distanceRows.map(() => new Int32Array(width * 2));
  let [previous2, previous, current] = distanceRows;
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length];
}

export function similarity(reading: Reading, key: Key, shared: number): number {
  const query = reading.text;
  const text = key.text;
  if (query === text) return 1;
  const lq = query.length;
  const lk = text.length;
  let score = 0;
  // Typing the start of a name is the commonest partial query; text inside a name counts a little less.
  if (lq >= 2 && text.startsWith(query)) score = 0.6 + (0.3 * lq) / lk;
  else if (lq >= 3 && text.includes(query)) score = 0.55 + (0.35 * lq) / lk;
  // The whole name inside a longer query ("เชียงใหม่บ้านผม"): the more of the query it explains, the better.
  if (lk >= 5 && lq > lk && query.includes(text)) score = Math.max(score, 0.5 + (0.35 * lk) / lq);
  const dice = (2 * shared) / (reading.gramCount + key.grams.length);
  score = Math.max(score, 0.9 * dice);
  if (dice >= FUZZY_DICE_MIN && Math.min(lq, lk) >= 4 && Math.abs(lq - lk) <= 3) {
    const distance = editDistance(query, text, 3);
    if (distance <= 3) score = Math.max(score, 1 - distance / Math.max(lq, lk));
  }
  return score;
}

// For free text: only whole names count, exactly or with a typo or two; prefixes and fragments do not.
export function locationSimilarity(window: string, key: Key): number {
  if (window === key.text) return 1;
  const length = Math.max(window.length, key.text.length);
  if (Math.min(window.length, key.text.length) < MIN_FUZZY_LOCATION_CHARS) return 0;
  const distance = editDistance(window, key.text, 2);
  return distance <= 2 ? 1 - distance / length : 0;
}
