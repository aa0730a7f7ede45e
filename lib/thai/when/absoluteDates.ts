/**
 * A day and month the citizen named, with or without a year (without one, the most recent such day), and the
 * numeric dates both languages write the same way.
 */

import { type CivilDate, compareDates, isValidDate } from '../bangkokCalendar';
import { MIN_CE_YEAR, resolveYear } from '../buddhistEra';
import { blankOut, type Extracted, INVALID, type Parsed } from './candidates';
import { period } from './precision';
import type { WhenPrecision } from './result';

// The most recent date with this month and day that is not after today; undefined if none (30 February).
function mostRecent(month: number, day: number, today: CivilDate): CivilDate | undefined {
  // Eight years back reaches the previous 29 February even across a skipped leap year (2100).
  for (let year = today.year; year >= today.year - 8; year -= 1) {
    if (!isValidDate(year, month, day)) continue;
    const date = { year, month, day };
    if (compareDates(date, today) <= 0) return date;
  }
  return undefined;
}

export function dated(year: number | undefined, month: number, day: number, today: CivilDate, precision?: WhenPrecision): Parsed {
  const result = (date: CivilDate): Parsed => ({ kind: 'found', candidates: [precision ? period(date, precision) : { date, approximate: false }] });
  if (year === undefined) {
    const date = mostRecent(month, day, today);
    return date ? result(date) : INVALID;
  }
  if (year < MIN_CE_YEAR) return { kind: 'ancient' };
  return isValidDate(year, month, day) ? result({ year, month, day }) : INVALID;
}

// Numeric dates, both languages: day/month/year as Thai writers order them.

// A separator run that would make a number part of a longer numeric expression (a time, another date).
const NUMERIC_BEFORE = '(?<![\\d/.:\\-])';
const NUMERIC_AFTER = '(?!\\d|[/.:\\-]\\d)';
const DMY = new RegExp(`${NUMERIC_BEFORE}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})${NUMERIC_AFTER}`);
const YMD = new RegExp(`${NUMERIC_BEFORE}(\\d{4})([/.\\-])(\\d{1,2})\\2(\\d{1,2})${NUMERIC_AFTER}`);
// Without a year only the slash is taken: "14.30" and "9-5" are times and ranges far more often than dates.
const DM = new RegExp(`${NUMERIC_BEFORE}(\\d{1,2})/(\\d{1,2})${NUMERIC_AFTER}`);

export function extractNumericDate(text: string, today: CivilDate): Extracted | undefined {
  const ymd = YMD.exec(text);
  if (ymd) {
    const year = resolveYear(ymd[1], undefined, today);
    return { parsed: dated(year, Number(ymd[3]), Number(ymd[4]), today), rest: blankOut(text, ymd.index, ymd[0].length) };
  }
  const dmy = DMY.exec(text);
  if (dmy) {
    const year = resolveYear(dmy[4], undefined, today);
    return { parsed: dated(year, Number(dmy[3]), Number(dmy[1]), today), rest: blankOut(text, dmy.index, dmy[0].length) };
  }
  const dm = DM.exec(text);
  if (dm) {
    return { parsed: dated(undefined, Number(dm[2]), Number(dm[1]), today), rest: blankOut(text, dm.index, dm[0].length) };
  }
  return undefined;
}
