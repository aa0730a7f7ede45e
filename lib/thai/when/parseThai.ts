/**
 * Reads a date and a time of day from Thai text: explicit dates first, then weekdays, relative words, a day of
 * the month or a year.
 */

import { addDays, type Clock } from '../bangkokCalendar';
import { extractNumericDate } from './absoluteDates';
import { blankOut, type Extracted, found, NONE, type Parsed } from './candidates';
import { recognizedTime } from './englishRecognizer';
import { LATIN } from './scripts';
import { extractDayOfMonth, extractThaiMonthDate, extractThaiYear } from './thaiAbsoluteDates';
import { extractWeekday, RELATIVE_RULES } from './thaiRelativeDates';
import { findThaiTime } from './thaiTimes';

function extractThaiDate(text: string, clock: Clock): Extracted | undefined {
  const explicit = extractNumericDate(text, clock.today) ?? extractThaiMonthDate(text, clock.today);
  if (explicit) return explicit;
  const weekday = extractWeekday(text, clock.today);
  if (weekday) return weekday;
  for (const rule of RELATIVE_RULES) {
    const match = rule.pattern.exec(text);
    if (!match) continue;
    return {
      parsed: { kind: 'found', candidates: [rule.resolve(match, clock)] },
      rest: blankOut(text, match.index, match[0].length),
      night: rule.night,
    };
  }
  return extractDayOfMonth(text, clock.today) ?? extractThaiYear(text, clock.today);
}

export function parseThai(text: string, clock: Clock): Parsed {
  const extracted = extractThaiDate(text, clock);
  if (!extracted) {
    // A time alone means today; but with English words about, "yesterday 10.30" is the recognizer's to read.
    const time = LATIN.test(text) ? undefined : findThaiTime(text);
    return time ? found(clock.today, false, time) : NONE;
  }
  const { parsed, rest } = extracted;
  // An English time in Thai text ("12 ม.ค. 3pm") is left to the recognizer.
  const time = findThaiTime(rest) ?? (LATIN.test(rest) ? recognizedTime(rest, clock) : undefined);
  if (parsed.kind !== 'found' || !time) return parsed;
  return {
    kind: 'found',
    candidates: parsed.candidates.map((candidate) => {
      // "เมื่อคืนตีสอง": the small hours after last night's midnight fall on today's date.
      const date = extracted.night && time.hour < 6 ? addDays(candidate.date, 1) : candidate.date;
      return { ...candidate, date, time: candidate.time ?? time };
    }),
  };
}
