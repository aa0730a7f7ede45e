/**
 * Which date a named weekday is ("อังคารที่แล้ว", "last Tuesday", "Tuesday last week"): one rule for both
 * languages.
 */

import { addDays, type CivilDate, weekdayOf } from '../bangkokCalendar';
import { periodStart } from './precision';

// Monday 0 … Sunday 6: the day's place in a week that starts on Monday.
function mondayIndex(weekday: number): number {
  return (weekday + 6) % 7;
}

/**
 * A named weekday. Alone or with ที่แล้ว / ที่ผ่านมา ("อังคารที่แล้ว") it is the most recent such day strictly
 * before today: said on a Thursday, the Tuesday two days earlier; said on a Tuesday, a week ago (today would be
 * วันนี้). Thai speakers say สัปดาห์ที่แล้ว / อาทิตย์ที่แล้ว when they mean the week before, and that is read
 * as the day of the previous calendar week ("อังคารสัปดาห์ที่แล้ว" on a Thursday: nine days earlier). English
 * follows the same rule (parseEnglishWeekday, parseEnglish.ts); the summary shows the weekday and date next to
 * what the citizen wrote, so a citizen who meant the other Tuesday sees it and corrects it.
 */
export function weekdayDate(target: number, today: CivilDate, which: 'recent' | 'lastWeek' | 'thisWeek' | 'next'): CivilDate {
  const current = weekdayOf(today);
  switch (which) {
    case 'recent':
      return addDays(today, -(((current - target + 6) % 7) + 1));
    case 'next':
      return addDays(today, ((target - current + 6) % 7) + 1);
    case 'lastWeek':
      return addDays(periodStart(today, 'week'), mondayIndex(target) - 7);
    case 'thisWeek':
      return addDays(periodStart(today, 'week'), mondayIndex(target));
  }
}
