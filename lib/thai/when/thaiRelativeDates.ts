/**
 * Dates named in Thai relative to today: a weekday ("อังคารที่แล้ว", "วันพุธสัปดาห์นี้"), days, weeks, months and
 * years counted back ("3 วันก่อน", "เดือนที่แล้ว"), and the words for nearby days ("เมื่อวาน", "เมื่อคืน").
 */

import { addDays, addMonths, type CivilDate, type Clock, clockAt, HOUR_MS, MINUTE_MS } from '../bangkokCalendar';
import { blankOut, type Candidate, type Extracted, found } from './candidates';
import { weekdayDate } from './namedWeekday';
import { countedBack, period } from './precision';
import type { WhenPrecision } from './result';
import { NUM, thaiNumber } from './thaiNumbers';

const THAI_WEEKDAYS: readonly string[] = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัส', 'ศุกร์', 'เสาร์'];
const AGO = '(?:ก่อน|ที่แล้ว|ที่ผ่านมา)';
const WEEK = '(?:สัปดาห์|อาทิตย์)';
// Longest first: "อังคารสัปดาห์ที่แล้ว" must not stop at อังคาร + สัปดาห์.
const WEEKDAY = new RegExp(
  `(?<prefix>วัน|เมื่อ)?\\s*(?<name>${THAI_WEEKDAYS.join('|')})(?:บดี)?\\s*` +
    `(?:(?<lastWeek>(?:ของ|ใน)?\\s*${WEEK}\\s*${AGO})|(?<thisWeek>(?:ของ|ใน)?\\s*${WEEK}\\s*นี้)|(?<suffix>${AGO}|หน้า))?`,
  'g',
);

const LAST_WEEK = new RegExp(`${WEEK}\\s*${AGO}`);

// A relative expression: the date it names, given Bangkok's clock.
interface RelativeRule {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, clock: Clock) => Candidate;
  night?: boolean;
}

function daysAgo(days: number) {
  return (_match: RegExpExecArray, clock: Clock): Candidate => ({ date: addDays(clock.today, -days), approximate: false });
}

// "3 วันก่อน", "3 เดือนก่อน": counted back as countedBack rounds them.
function counted(unit: 'day' | 'week' | 'month' | 'year') {
  return (match: RegExpExecArray, clock: Clock): Candidate => countedBack(thaiNumber(match[1]), unit, clock.today);
}

// The calendar period `offset` periods from today's: last week, this month, next year.
function calendar(precision: WhenPrecision, offset: number) {
  return (_match: RegExpExecArray, clock: Clock): Candidate => {
    const date = precision === 'week' ? addDays(clock.today, 7 * offset) : addMonths(clock.today, precision === 'month' ? offset : 12 * offset);
    return period(date, precision);
  };
}

function elapsed(unitMs: number) {
  return (match: RegExpExecArray, clock: Clock): Candidate => {
    const at = clockAt(clock.epochMs - thaiNumber(match[1]) * unitMs);
    return { date: at.today, time: at.time, approximate: false };
  };
}

// Order matters: เมื่อวานซืน before เมื่อวาน, เมื่อคืนนี้ before คืนนี้; and weekdays (วันอาทิตย์ = Sunday) are
// tried before all of these, because อาทิตย์ alone is also "week".
export const RELATIVE_RULES: readonly RelativeRule[] = [
  { pattern: /เมื่อวานซืน|วานซืน/, resolve: daysAgo(2) },
  { pattern: /เมื่อวาน|วานนี้/, resolve: daysAgo(1) },
  { pattern: /เมื่อคืน(?:นี้)?/, resolve: daysAgo(1), night: true },
  { pattern: /วันนี้|เมื่อเช้า|เช้านี้|บ่ายนี้|เย็นนี้|คืนนี้|เมื่อกี้|เมื่อกี๊|เมื่อสักครู่|เมื่อครู่/, resolve: daysAgo(0) },
  { pattern: /พรุ่งนี้/, resolve: daysAgo(-1) },
  { pattern: /มะรืน(?:นี้)?/, resolve: daysAgo(-2) },
  { pattern: new RegExp(`${NUM}\\s*ชั่วโมง\\s*${AGO}`), resolve: elapsed(HOUR_MS) },
  { pattern: new RegExp(`${NUM}\\s*นาที\\s*${AGO}`), resolve: elapsed(MINUTE_MS) },
  { pattern: new RegExp(`${NUM}\\s*วัน\\s*${AGO}`), resolve: counted('day') },
  { pattern: new RegExp(`${NUM}\\s*${WEEK}\\s*${AGO}`), resolve: counted('week') },
  { pattern: new RegExp(`${WEEK}\\s*${AGO}`), resolve: calendar('week', -1) },
  { pattern: new RegExp(`${WEEK}\\s*นี้`), resolve: calendar('week', 0) },
  { pattern: new RegExp(`${WEEK}\\s*หน้า`), resolve: calendar('week', 1) },
  { pattern: new RegExp(`${NUM}\\s*เดือน\\s*${AGO}`), resolve: counted('month') },
  { pattern: new RegExp(`เดือน\\s*${AGO}`), resolve: calendar('month', -1) },
  { pattern: /เดือนนี้/, resolve: calendar('month', 0) },
  { pattern: /เดือนหน้า/, resolve: calendar('month', 1) },
  { pattern: new RegExp(`${NUM}\\s*ปี\\s*${AGO}`), resolve: counted('year') },
  { pattern: new RegExp(`ปี\\s*${AGO}`), resolve: calendar('year', -1) },
  { pattern: /ปีนี้/, resolve: calendar('year', 0) },
];

export function extractWeekday(text: string, today: CivilDate): Extracted | undefined {
  for (const match of text.matchAll(WEEKDAY)) {
    const { prefix, name, suffix, lastWeek, thisWeek } = match.groups ?? {};
    if (name === undefined) continue;
    const qualified = suffix !== undefined || lastWeek !== undefined || thisWeek !== undefined;
    // Alone, จันทร์ is also the moon; and เมื่ออาทิตย์ที่แล้ว / อาทิตย์ที่แล้ว mean "last week".
    const isDay = prefix === 'วัน' || (name !== 'อาทิตย์' && (prefix !== undefined || qualified));
    if (!isDay) continue;
    const rest = blankOut(text, match.index ?? 0, match[0].length);
    // "สัปดาห์ที่แล้ว วันอังคาร": the week may come first.
    const weekBefore = lastWeek !== undefined || (suffix === undefined && thisWeek === undefined && LAST_WEEK.test(rest));
    const which = weekBefore ? 'lastWeek' : thisWeek !== undefined ? 'thisWeek' : suffix === 'หน้า' ? 'next' : 'recent';
    return { parsed: found(weekdayDate(THAI_WEEKDAYS.indexOf(name), today, which), false), rest: weekBefore ? rest.replace(LAST_WEEK, ' ') : rest };
  }
  return undefined;
}
