/**
 * Reads a date and a time of day from English text: numeric dates, weekdays and periods counted back by the
 * rules the Thai reading uses, everything else through the recognizer.
 */

import type { Clock, ClockTime } from '../bangkokCalendar';
import { extractNumericDate } from './absoluteDates';
import { blankOut, type Candidate, type Extracted, found, NONE, type Parsed } from './candidates';
import { candidatesOf, recognize, recognizedTime, RESOLVED_TIME, resolutionValues, rewriteEnglishYears } from './englishRecognizer';
import { weekdayDate } from './namedWeekday';
import { countedBack } from './precision';
import { LATIN } from './scripts';
import { findThaiTime } from './thaiTimes';

const EN_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
// Whole names or the usual short forms; "mon" must not be the start of "month".
const EN_WEEKDAY = '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?)';
const EN_LAST_WEEKDAY: readonly { pattern: RegExp; which: 'recent' | 'lastWeek' }[] = [
  // "Tuesday last week", "last week on Tuesday", "Tuesday of last week", "last week's Tuesday".
  { pattern: new RegExp(`\\b${EN_WEEKDAY}\\s+(?:of\\s+)?(?:last|the previous)\\s+week\\b`), which: 'lastWeek' },
  { pattern: new RegExp(`\\b(?:last|the previous)\\s+week(?:'s|\\s+on)?\\s+${EN_WEEKDAY}\\b`), which: 'lastWeek' },
  // "last Tuesday", "this past Tuesday", "past Tuesday", "previous Tuesday": the most recent one (see weekdayDate).
  { pattern: new RegExp(`\\b(?:last|this past|past|previous)\\s+${EN_WEEKDAY}\\b`), which: 'recent' },
];

/** "last Tuesday" and "Tuesday last week": read as the Thai rule reads อังคารที่แล้ว and อังคารสัปดาห์ที่แล้ว. */
function parseEnglishWeekday(text: string, clock: Clock): Extracted | undefined {
  for (const { pattern, which } of EN_LAST_WEEKDAY) {
    const match = pattern.exec(text);
    if (!match) continue;
    const target = EN_WEEKDAYS.indexOf(match[1].slice(0, 3) as (typeof EN_WEEKDAYS)[number]);
    return { parsed: found(weekdayDate(target, clock.today, which), false), rest: blankOut(text, match.index, match[0].length) };
  }
  return undefined;
}

const EN_COUNTS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  // Vague counts: a reading is needed, and the result is marked as an estimate.
  'a couple of': 2, 'couple of': 2, 'a couple': 2, 'a few': 3, few: 3, several: 3,
};
const VAGUE_COUNT = /few|several|couple/;
const EN_COUNTED = new RegExp(
  `\\b(\\d{1,3}|${Object.keys(EN_COUNTS).sort((a, b) => b.length - a.length).join('|')})\\s+(day|week|month|year)s?\\s+(?:ago|back|before)\\b`,
);

/**
 * "three months ago", "a few weeks back": counted back as the Thai "3 เดือนก่อน" is. The recognizer would make
 * "three months ago" an exact day; days it reads well, except vague counts ("a few days ago").
 */
function parseEnglishCounted(text: string, clock: Clock): Extracted | undefined {
  const match = EN_COUNTED.exec(text);
  if (!match) return undefined;
  const unit = match[2] as 'day' | 'week' | 'month' | 'year';
  const vague = VAGUE_COUNT.test(match[1]);
  if (unit === 'day' && !vague) return undefined;
  const count = EN_COUNTS[match[1]] ?? Number(match[1]);
  const candidate = countedBack(count, unit, clock.today);
  return {
    parsed: { kind: 'found', candidates: [{ ...candidate, approximate: candidate.approximate || vague }] },
    rest: blankOut(text, match.index, match[0].length),
  };
}

export function parseEnglish(text: string, clock: Clock): Parsed {
  const own = extractNumericDate(text, clock.today) ?? parseEnglishWeekday(text, clock) ?? parseEnglishCounted(text, clock);
  if (own) {
    const time = LATIN.test(own.rest) ? recognizedTime(own.rest, clock) : findThaiTime(own.rest);
    if (own.parsed.kind !== 'found' || !time) return own.parsed;
    return { kind: 'found', candidates: own.parsed.candidates.map((candidate) => ({ ...candidate, time })) };
  }
  const rewritten = rewriteEnglishYears(text, clock.today);
  const results = recognize(rewritten, clock);
  let candidates: Candidate[] | undefined;
  let time: ClockTime | undefined;
  let rest = rewritten;
  for (const result of results) {
    rest = rest.slice(0, result.start) + ' '.repeat(result.end - result.start + 1) + rest.slice(result.end + 1);
    if (result.typeName === 'datetimeV2.time') {
      const match = RESOLVED_TIME.exec(resolutionValues(result.resolution)[0]?.value ?? '');
      if (match && !time) time = { hour: Number(match[1]), minute: Number(match[2]) };
      continue;
    }
    const readings = candidatesOf(result.typeName, result.resolution);
    if (readings.length > 0 && !candidates) candidates = readings;
  }
  // "on 3 January, around 3pm" may come back as a date and a separate time; "yesterday 14.30" as a date
  // and an unrecognised 24-hour time written the Thai way.
  time ??= findThaiTime(rest);
  if (candidates) return { kind: 'found', candidates: candidates.map((c) => (c.time || !time ? c : { ...c, time })) };
  return time ? found(clock.today, false, time) : NONE;
}
