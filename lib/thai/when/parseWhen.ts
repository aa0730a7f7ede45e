/**
 * When something happened, as a citizen says it in Thai or English, resolved against an injected `now` on
 * the Bangkok calendar: each language's reading tried in turn, then one reading chosen and checked.
 */

import type { Lang } from '../../i18n/language';
import { addMonths, type Clock, clockAt, compareDates, hhmm, isoDate } from '../bangkokCalendar';
import { MAX_AGE_YEARS, MIN_CE_YEAR } from '../buddhistEra';
import { toAsciiDigits } from '../text';
import type { Candidate, Parsed } from './candidates';
import { parseEnglish } from './parseEnglish';
import { parseThai } from './parseThai';
import { HEDGES } from './precision';
import type { WhenResult } from './result';
import { LATIN, THAI_SCRIPT } from './scripts';

function isFuture(candidate: Candidate, clock: Clock): boolean {
  const order = compareDates(candidate.date, clock.today);
  if (order !== 0) return order > 0;
  const { time } = candidate;
  return time !== undefined && time.hour * 60 + time.minute > clock.time.hour * 60 + clock.time.minute;
}

function decide(parsed: Parsed, clock: Clock, hedged: boolean): WhenResult {
  if (parsed.kind === 'ancient') return { ok: false, reason: 'too-old' };
  if (parsed.kind !== 'found' || parsed.candidates.length === 0) return { ok: false, reason: 'unrecognised' };
  const past = parsed.candidates.filter((candidate) => !isFuture(candidate, clock));
  if (past.length === 0) return { ok: false, reason: 'future' };
  // The latest past reading ("12 January" said in March is this year's); of equal dates, the first listed.
  const chosen = past.reduce((best, candidate) => (compareDates(candidate.date, best.date) > 0 ? candidate : best));
  const oldest = addMonths(clock.today, -12 * MAX_AGE_YEARS);
  if (chosen.date.year < MIN_CE_YEAR || compareDates(chosen.date, oldest) < 0) return { ok: false, reason: 'too-old' };
  // A time of day belongs to a day: "เดือนที่แล้ว บ่ายสองโมง" keeps the month and drops the hour. A hedge
  // next to a time ("around noon yesterday") is about the hour, and the day stays exact.
  const time = chosen.precision === undefined ? chosen.time : undefined;
  return {
    ok: true,
    date: isoDate(chosen.date),
    ...(time ? { time: hhmm(time) } : {}),
    approximate: chosen.approximate || (hedged && time === undefined),
    ...(chosen.precision ? { precision: chosen.precision } : {}),
  };
}

// Answers to "when did it happen?" are short; the recognizer's cost grows faster than linearly with length
// (seconds for a few thousand characters), so longer text is refused rather than searched.
const MAX_LENGTH = 200;

function normalizeInput(text: string): string | undefined {
  if (text.length > MAX_LENGTH * 4) return undefined;
  const normalized = toAsciiDigits(text.normalize('NFC'))
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return normalized === '' || normalized.length > MAX_LENGTH ? undefined : normalized;
}

/**
 * Understands when something happened, relative to `now` on the Bangkok calendar. Both languages are
 * tried, since people mix them: Thai rules first when the text has Thai script, English first when it has
 * Latin letters and no Thai, and `lang` decides for digits alone ("12/1/69 14.30"). Never throws for any
 * text; throws a RangeError only for an invalid `now`.
 */
export function parseWhen(text: string, lang: Lang, now: Date): WhenResult {
  const clock = clockAt(now.getTime());
  const normalized = normalizeInput(text);
  if (normalized === undefined) return { ok: false, reason: 'unrecognised' };
  const thaiFirst = THAI_SCRIPT.test(normalized) || (lang === 'th' && !LATIN.test(normalized));
  const parsers = thaiFirst ? [parseThai, parseEnglish] : [parseEnglish, parseThai];
  for (const parse of parsers) {
    const parsed = parse(normalized, clock);
    if (parsed.kind !== 'none') return decide(parsed, clock, HEDGES.test(normalized));
  }
  return { ok: false, reason: 'unrecognised' };
}
