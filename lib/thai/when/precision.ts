/**
 * How precisely and how surely a date was named: the period a week, month or year begins on, periods counted
 * back (which people round), and the words that make any date an estimate.
 */

import { addDays, addMonths, type CivilDate, weekdayOf } from '../bangkokCalendar';
import type { Candidate } from './candidates';
import type { WhenPrecision } from './result';

// The first day of the period a date falls in. Weeks start on Monday, as ISO 8601 and the English
// recognizer count them, and as Thai offices plan their working week.
export function periodStart(date: CivilDate, precision: WhenPrecision): CivilDate {
  switch (precision) {
    case 'week':
      return addDays(date, -((weekdayOf(date) + 6) % 7));
    case 'month':
      return { ...date, day: 1 };
    case 'year':
      return { year: date.year, month: 1, day: 1 };
  }
}

export function period(date: CivilDate, precision: WhenPrecision, approximate = false): Candidate {
  return { date: periodStart(date, precision), precision, approximate };
}

// "3 วันก่อน" is a day; weeks, months and years counted back are rounded by whoever counts them, so they name
// the period they reach, as an estimate ("3 เดือนก่อน" in November: about August).
export function countedBack(count: number, unit: 'day' | 'week' | 'month' | 'year', today: CivilDate): Candidate {
  switch (unit) {
    case 'day':
      return { date: addDays(today, -count), approximate: false };
    case 'week':
      return period(addDays(today, -7 * count), 'week', true);
    case 'month':
      return period(addMonths(today, -count), 'month', true);
    case 'year':
      return period(addMonths(today, -12 * count), 'year', true);
  }
}

// Words that make a date an estimate: "ประมาณ 3 วันก่อน", "about three months ago", "เดือนกันยายนกว่า ๆ".
export const HEDGES = /ประมาณ|ประมาน|ราว|น่าจะ|คงจะ|เกือบ|กว่า|สองสาม|ไม่แน่ใจ|\b(?:about|around|approx|approximately|roughly|maybe|probably|perhaps|sometime|some time|almost|nearly|or so)\b/;
