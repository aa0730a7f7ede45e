/**
 * When something happened, as a citizen says it in Thai or English, resolved against an injected `now` on
 * the Bangkok calendar (UTC+7, no daylight saving time); and, from their own modules, the calendar
 * (bangkokCalendar.ts), Buddhist-era years (buddhistEra.ts) and dates formatted the way Thai offices write them
 * (formatDates.ts).
 */

import { Culture, DateTimeOptions, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import type { Lang } from '../i18n/language';
import {
  addDays, addMonths, type CivilDate, civil, type Clock, clockAt, compareDates, type ClockTime, daysInMonth, HOUR_MS, hhmm, isoDate,
  isValidDate, MINUTE_MS, weekdayOf,
} from './bangkokCalendar';
import { type Era, MAX_AGE_YEARS, MIN_CE_YEAR, resolveYear } from './buddhistEra';
import { toAsciiDigits } from './text';

export { bangkokToday } from './bangkokCalendar';
export { buddhistYear } from './buddhistEra';
export { formatDate, formatDateTime, formatMonth, formatWeek, formatYear } from './formatDates';
export type { FormatDateOptions } from './formatDates';

/** Why a date was refused: nothing recognisable, a date after now, or older than the centre accepts. */
export type WhenFailureReason = 'unrecognised' | 'future' | 'too-old';

/**
 * How precisely the citizen named the date: a week ("last week", "2 สัปดาห์ก่อน"), a month ("เดือนกันยายน",
 * "three months ago") or a year ("ปีที่แล้ว"). A named day has no precision field: it is the default.
 */
export type WhenPrecision = 'week' | 'month' | 'year';

/** A recognised date on the Bangkok calendar, or why there is none. */
export type WhenResult =
  | {
      ok: true;
      /**
       * YYYY-MM-DD, Gregorian, Bangkok calendar date; with a `precision`, the first day of that period (a week
       * starts on Monday), never a day the citizen did not name.
       */
      date: string;
      /** HH:mm, 24-hour clock, Bangkok time; absent when the text gives no time of day or names a whole period. */
      time?: string;
      /**
       * True when the date is the citizen's estimate: hedged ("ประมาณ", "about", "a few days ago") or counted
       * back in weeks, months or years ("3 เดือนก่อน"), which people round.
       */
      approximate: boolean;
      /** Absent for a day; otherwise the period `date` begins. */
      precision?: WhenPrecision;
    }
  | { ok: false; reason: WhenFailureReason };

// The first day of the period a date falls in. Weeks start on Monday, as ISO 8601 and the English
// recognizer count them, and as Thai offices plan their working week.
function periodStart(date: CivilDate, precision: WhenPrecision): CivilDate {
  switch (precision) {
    case 'week':
      return addDays(date, -((weekdayOf(date) + 6) % 7));
    case 'month':
      return { ...date, day: 1 };
    case 'year':
      return { year: date.year, month: 1, day: 1 };
  }
}

function period(date: CivilDate, precision: WhenPrecision, approximate = false): Candidate {
  return { date: periodStart(date, precision), precision, approximate };
}

// ─── What the parsers find ────────────────────────────────────────────────────────────────────────────────

interface Candidate {
  date: CivilDate;
  time?: ClockTime;
  approximate: boolean;
  precision?: WhenPrecision;
}

// `found` lists readings in order of preference (a recognizer may return both "12 January" this year and
// next); `invalid` means the text clearly names a date that does not exist (31 February); `ancient` a year
// before any the calendar code handles (0012).
type Parsed = { kind: 'found'; candidates: Candidate[] } | { kind: 'invalid' } | { kind: 'ancient' } | { kind: 'none' };

const NONE: Parsed = { kind: 'none' };
const INVALID: Parsed = { kind: 'invalid' };

function found(date: CivilDate, approximate: boolean, time?: ClockTime): Parsed {
  return { kind: 'found', candidates: [{ date, time, approximate }] };
}

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

function dated(year: number | undefined, month: number, day: number, today: CivilDate, precision?: WhenPrecision): Parsed {
  const result = (date: CivilDate): Parsed => ({ kind: 'found', candidates: [precision ? period(date, precision) : { date, approximate: false }] });
  if (year === undefined) {
    const date = mostRecent(month, day, today);
    return date ? result(date) : INVALID;
  }
  if (year < MIN_CE_YEAR) return { kind: 'ancient' };
  return isValidDate(year, month, day) ? result({ year, month, day }) : INVALID;
}

interface Extracted {
  parsed: Parsed;
  // The text with the date expression blanked out, searched next for a time of day.
  rest: string;
  // "Last night": a time in the small hours falls on the next date.
  night?: boolean;
}

function blankOut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}

// ─── Numeric dates, both languages: day/month/year as Thai writers order them ─────────────────────────────

// A separator run that would make a number part of a longer numeric expression (a time, another date).
const NUMERIC_BEFORE = '(?<![\\d/.:\\-])';
const NUMERIC_AFTER = '(?!\\d|[/.:\\-]\\d)';
const DMY = new RegExp(`${NUMERIC_BEFORE}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})${NUMERIC_AFTER}`);
const YMD = new RegExp(`${NUMERIC_BEFORE}(\\d{4})([/.\\-])(\\d{1,2})\\2(\\d{1,2})${NUMERIC_AFTER}`);
// Without a year only the slash is taken: "14.30" and "9-5" are times and ranges far more often than dates.
const DM = new RegExp(`${NUMERIC_BEFORE}(\\d{1,2})/(\\d{1,2})${NUMERIC_AFTER}`);

function extractNumericDate(text: string, today: CivilDate): Extracted | undefined {
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

// ─── Thai ─────────────────────────────────────────────────────────────────────────────────────────────────

const THAI_NUMBER_WORDS: Readonly<Record<string, number>> = {
  หนึ่ง: 1, นึง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, สิบเอ็ด: 11, สิบสอง: 12,
};
// Longest first: a regex alternation takes the first alternative that matches, not the longest.
const NUMBER_WORD = Object.keys(THAI_NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');
// A small count or hour: digits or a Thai number word from one to twelve.
const NUM = `(\\d{1,4}|${NUMBER_WORD})`;

function thaiNumber(token: string): number {
  return THAI_NUMBER_WORDS[token] ?? Number(token);
}

// An abbreviation such as ม.ค., ม. ค., มค. or มค; undotted, it must not run into a following Thai word
// (ม+ค also occurs inside names such as สมคิด).
function abbreviation(first: string, second: string): string {
  return `${first}\\s*\\.?\\s*${second}(?:\\s*\\.|(?![\\u0E01-\\u0E4E]))`;
}

// Full names, the colloquial short forms (มกรา, พฤศจิกา) and the official abbreviations.
const THAI_MONTHS: readonly string[] = [
  `${abbreviation('ม', 'ค')}|มกรา(?:คม)?`,
  `${abbreviation('ก', 'พ')}|กุมภา(?:พันธ์?)?`,
  `${abbreviation('มี', 'ค')}|มีนา(?:คม)?`,
  `${abbreviation('เม', 'ย')}|เมษา(?:ยน)?`,
  `${abbreviation('พ', 'ค')}|พฤษภา(?:คม)?`,
  `${abbreviation('มิ', 'ย')}|มิถุนา(?:ยน)?`,
  `${abbreviation('ก', 'ค')}|กรก[ฎฏ]า(?:คม)?`,
  `${abbreviation('ส', 'ค')}|สิงหา(?:คม)?`,
  `${abbreviation('ก', 'ย')}|กันยา(?:ยน)?`,
  `${abbreviation('ต', 'ค')}|ตุลา(?:คม)?`,
  `${abbreviation('พ', 'ย')}|พฤศจิกา(?:ยน)?`,
  `${abbreviation('ธ', 'ค')}|ธันวา(?:คม)?`,
];
const MONTH = `(?:${THAI_MONTHS.map((source, index) => `(?<m${index + 1}>${source})`).join('|')})`;
const ERA = '(?:พ\\s*\\.?\\s*ศ\\s*\\.?|ค\\s*\\.?\\s*ศ\\s*\\.?)';
// A two-digit number after the month is a year unless it reads as a time ("12 ม.ค. 10 โมง", "… 14.30").
const YEAR = `(?:\\s*(?:ปี\\s*)?(?<era>${ERA})?\\s*(?<year>\\d{4}|\\d{2})(?!\\d|[.:]\\d|\\s*(?:โมง|ทุ่ม|นาฬิกา|น\\.|นาที)))`;
const DAY_MONTH = new RegExp(`(?<![\\d.:/])(?<day>\\d{1,2})\\s*${MONTH}${YEAR}?`);
const MONTH_ONLY = new RegExp(`(?<prefix>เดือน\\s*)?${MONTH}${YEAR}?`, 'g');

function monthOf(groups: Record<string, string | undefined>): number {
  for (let month = 1; month <= 12; month += 1) if (groups[`m${month}`] !== undefined) return month;
  return 0;
}

function eraOf(groups: Record<string, string | undefined>): Era | undefined {
  if (groups.era === undefined) return undefined;
  return groups.era.startsWith('พ') ? 'BE' : 'CE';
}

function extractThaiMonthDate(text: string, today: CivilDate): Extracted | undefined {
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth?.groups) {
    const groups = dayMonth.groups;
    const year = groups.year === undefined ? undefined : resolveYear(groups.year, eraOf(groups), today);
    return {
      parsed: dated(year, monthOf(groups), Number(groups.day), today),
      rest: blankOut(text, dayMonth.index, dayMonth[0].length),
    };
  }
  // A month alone is taken only with เดือน or a year: the short forms also occur inside words (ตุลาการ).
  for (const match of text.matchAll(MONTH_ONLY)) {
    const groups = match.groups;
    if (!groups || (groups.prefix === undefined && groups.year === undefined)) continue;
    const year = groups.year === undefined ? undefined : resolveYear(groups.year, eraOf(groups), today);
    return {
      parsed: dated(year, monthOf(groups), 1, today, 'month'),
      rest: blankOut(text, match.index ?? 0, match[0].length),
    };
  }
  return undefined;
}

// A year alone: "ปี 2567", "พ.ศ. 2567", "ปี 67". The number must follow ปี or the era: "67 ปี" is an age.
const YEAR_ONLY = new RegExp(`(?:ปี\\s*(?:${ERA}\\s*)?|${ERA}\\s*)(?<year>\\d{4}|\\d{2})(?!\\d|[.:/]\\d)`);

function extractThaiYear(text: string, today: CivilDate): Extracted | undefined {
  const match = YEAR_ONLY.exec(text);
  if (!match?.groups) return undefined;
  const era = /ค\s*\.?\s*ศ/.test(match[0]) ? 'CE' : /พ\s*\.?\s*ศ/.test(match[0]) ? 'BE' : undefined;
  return {
    parsed: dated(resolveYear(match.groups.year, era, today), 1, 1, today, 'year'),
    rest: blankOut(text, match.index, match[0].length),
  };
}

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

// "3 วันก่อน" is a day; weeks, months and years counted back are rounded by whoever counts them, so they name
// the period they reach, as an estimate ("3 เดือนก่อน" in November: about August).
function counted(unit: 'day' | 'week' | 'month' | 'year') {
  return (match: RegExpExecArray, clock: Clock): Candidate => countedBack(thaiNumber(match[1]), unit, clock.today);
}

function countedBack(count: number, unit: 'day' | 'week' | 'month' | 'year', today: CivilDate): Candidate {
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
const RELATIVE_RULES: readonly RelativeRule[] = [
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

// Monday 0 … Sunday 6: the day's place in a week that starts on Monday.
function mondayIndex(weekday: number): number {
  return (weekday + 6) % 7;
}

/**
 * A named weekday. Alone or with ที่แล้ว / ที่ผ่านมา ("อังคารที่แล้ว") it is the most recent such day strictly
 * before today: said on a Thursday, the Tuesday two days earlier; said on a Tuesday, a week ago (today would be
 * วันนี้). Thai speakers say สัปดาห์ที่แล้ว / อาทิตย์ที่แล้ว when they mean the week before, and that is read
 * as the day of the previous calendar week ("อังคารสัปดาห์ที่แล้ว" on a Thursday: nine days earlier). English
 * follows the same rule (see parseEnglishWeekday); the summary shows the weekday and date next to what the
 * citizen wrote, so a citizen who meant the other Tuesday sees it and corrects it.
 */
function weekdayDate(target: number, today: CivilDate, which: 'recent' | 'lastWeek' | 'thisWeek' | 'next'): CivilDate {
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

function extractWeekday(text: string, today: CivilDate): Extracted | undefined {
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

const DAY_OF_MONTH = /วันที่\s*(\d{1,2})(?!\d|[.:]\d)/;

// "วันที่ 3" with no month: the most recent 3rd that is not in the future.
function extractDayOfMonth(text: string, today: CivilDate): Extracted | undefined {
  const match = DAY_OF_MONTH.exec(text);
  if (!match) return undefined;
  const day = Number(match[1]);
  let parsed: Parsed = INVALID;
  for (let back = 0; back < 12; back += 1) {
    const month = addMonths({ ...today, day: 1 }, -back);
    if (day >= 1 && day <= daysInMonth(month.year, month.month) && (back > 0 || day <= today.day)) {
      parsed = found({ ...month, day }, false);
      break;
    }
  }
  return { parsed, rest: blankOut(text, match.index, match[0].length) };
}

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

// Thai times of day: the 24-hour clock ("14.30 น.") and the traditional six-hour clock, in which the day has
// four watches: ตี 1–5 (01–05), N โมงเช้า (07–11; N = 1–5 counts from 06), บ่าย N โมง (13–16), N โมงเย็น
// (16–18), N ทุ่ม (19–23), and เที่ยง / เที่ยงคืน for noon and midnight.
interface TimeRule {
  pattern: RegExp;
  // The hour and, when the pattern itself holds them, the minutes; undefined when the numbers do not fit.
  read: (match: RegExpMatchArray) => { hour: number; minute?: number } | undefined;
}

function hourFrom(token: string | undefined): number | undefined {
  return token === undefined ? undefined : thaiNumber(token);
}

function inRange(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

const THAI_TIME_RULES: readonly TimeRule[] = [
  { pattern: /เที่ยง\s*คืน|สองยาม|(?:หก|6)\s*ทุ่ม/g, read: () => ({ hour: 0 }) },
  {
    pattern: /(?<![\d.:/])(\d{1,2})[.:](\d{2})(?!\d)/g,
    read: (m) => ({ hour: Number(m[1]), minute: Number(m[2]) }),
  },
  { pattern: /(?<![\d.:/])(\d{1,2})\s*(?:นาฬิกา|น\.)/g, read: (m) => ({ hour: Number(m[1]) }) },
  // "ถูกตีสองครั้ง" is "was hit twice", not 2 a.m.
  {
    pattern: new RegExp(`ตี\\s*${NUM}(?!\\s*(?:ครั้ง|ที|หน|คน))`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]);
      return n !== undefined && inRange(n, 1, 6) ? { hour: n } : undefined;
    },
  },
  {
    pattern: new RegExp(`บ่าย\\s*(?:${NUM}\\s*(?:โมง)?|โมง)`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]) ?? 1;
      if (inRange(n, 1, 6)) return { hour: n + 12 };
      return inRange(n, 12, 18) ? { hour: n } : undefined;
    },
  },
  {
    pattern: new RegExp(`${NUM}\\s*ทุ่ม|ทุ่ม\\s*(?:หนึ่ง|นึง)?`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]) ?? 1;
      return inRange(n, 1, 5) ? { hour: n + 18 } : undefined;
    },
  },
  {
    // Not the โมง of ชั่วโมง (hour, the unit).
    pattern: new RegExp(`(?:${NUM}\\s*)?(?<!ชั่ว)โมง\\s*(?<half>ครึ่ง)?\\s*(?<part>เช้า|เย็น|ค่ำ)?`, 'g'),
    read: (m) => {
      const n = hourFrom(m[1]);
      const part = m.groups?.part;
      const minute = m.groups?.half === undefined ? undefined : 30;
      if (n === undefined) return part === 'เช้า' ? { hour: 7, minute } : undefined;
      if (part === 'เช้า') {
        if (inRange(n, 1, 5)) return { hour: n + 6, minute };
        return inRange(n, 6, 11) ? { hour: n, minute } : undefined;
      }
      if (part !== undefined) return inRange(n, 1, 11) ? { hour: n + 12, minute } : undefined;
      // Without a part of day: 7–11 o'clock is morning; 1–6 is afternoon or evening, as in speech
      // ("ห้าโมง" = 17:00; five in the morning would be ตีห้า).
      if (inRange(n, 1, 6)) return { hour: n + 12, minute };
      return inRange(n, 7, 23) ? { hour: n, minute } : undefined;
    },
  },
  // Not เที่ยงธรรม (fair, just), a word complaints use.
  { pattern: /เที่ยง(?!ธรรม)/g, read: () => ({ hour: 12 }) },
];

const MINUTES_AFTER = /^\s*(?:(ครึ่ง)|(\d{1,2})\s*นาที)/;

function findThaiTime(text: string): ClockTime | undefined {
  for (const rule of THAI_TIME_RULES) {
    // Every match, not just the first: "ชั่วโมง" or "ตีกัน" earlier in the text must not hide a real time.
    for (const match of text.matchAll(rule.pattern)) {
      const read = rule.read(match);
      if (!read) continue;
      let minute = read.minute;
      if (minute === undefined) {
        const after = MINUTES_AFTER.exec(text.slice((match.index ?? 0) + match[0].length));
        minute = after?.[1] !== undefined ? 30 : after?.[2] !== undefined ? Number(after[2]) : 0;
      }
      if (inRange(read.hour, 0, 23) && inRange(minute, 0, 59)) return { hour: read.hour, minute };
    }
  }
  return undefined;
}

const LATIN = /[a-z]/;
const THAI_SCRIPT = /[\u0E00-\u0E7F]/;

function parseThai(text: string, clock: Clock): Parsed {
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

// ─── English, through Microsoft Recognizers-Text ──────────────────────────────────────────────────────────

const EN_MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const NOT_A_TIME = "(?![:.]\\d|\\s*(?:am\\b|pm\\b|a\\.m|p\\.m|o'?clock|h\\b|hrs?\\b|hours?\\b))";
// Years the recognizer would misread: BE years (2569) and two-digit years after "day month" (12 Jan 69).
const EN_YEAR_PATTERNS: readonly RegExp[] = [
  new RegExp(`(\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH},?\\s*)(\\d{4}|\\d{2})\\b${NOT_A_TIME}`, 'g'),
  new RegExp(`(\\b${EN_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+)(\\d{4})\\b${NOT_A_TIME}`, 'g'),
  new RegExp(`(\\b${EN_MONTH},?\\s+)(\\d{4})\\b${NOT_A_TIME}`, 'g'),
  new RegExp(`(\\b(?:in|year)\\s+)(\\d{4})\\b${NOT_A_TIME}`, 'g'),
];
const EN_BE_MARKER = /\bb\.\s?e\.?\s*(\d{4}|\d{2})\b/g;

function rewriteEnglishYears(text: string, today: CivilDate): string {
  let result = text.replace(EN_BE_MARKER, (_all, year: string) => String(resolveYear(year, 'BE', today)));
  for (const pattern of EN_YEAR_PATTERNS) {
    result = result.replace(pattern, (_all, head: string, year: string) => head + String(resolveYear(year, undefined, today)));
  }
  return result;
}

// The recognizer reads its reference date with local-time getters (getHours, getDate) and writes local
// wall-clock strings. Handing it a Date whose *local* fields are Bangkok's wall clock makes both sides
// Bangkok time whatever the process's TZ. (In a zone with daylight saving time, a Bangkok wall-clock hour
// that does not exist locally on the changeover night would shift by one; UTC has no such hour.)
function recognize(text: string, clock: Clock): ReturnType<typeof recognizeDateTime> {
  const { today, time } = clock;
  const reference = new Date(today.year, today.month - 1, today.day, time.hour, time.minute, clock.second);
  return recognizeDateTime(text, Culture.English, DateTimeOptions.None, reference);
}

const RESOLVED_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESOLVED_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::\d{2})?$/;
const RESOLVED_TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

// The resolution values of one result; the library types them as `any`, so each field is checked here.
function resolutionValues(resolution: unknown): { value?: string; start?: string; timex?: string }[] {
  if (typeof resolution !== 'object' || resolution === null) return [];
  const values: unknown = (resolution as { values?: unknown }).values;
  if (!Array.isArray(values)) return [];
  return values.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return {};
    const { value, start, timex } = entry as { value?: unknown; start?: unknown; timex?: unknown };
    return {
      value: typeof value === 'string' ? value : undefined,
      start: typeof start === 'string' ? start : undefined,
      timex: typeof timex === 'string' ? timex : undefined,
    };
  });
}

function recognizedTime(text: string, clock: Clock): ClockTime | undefined {
  for (const result of recognize(text, clock)) {
    if (result.typeName !== 'datetimeV2.time') continue;
    // Of "10:30" read as 10:30 and 22:30, the first is what was written.
    const match = RESOLVED_TIME.exec(resolutionValues(result.resolution)[0]?.value ?? '');
    if (match) return { hour: Number(match[1]), minute: Number(match[2]) };
  }
  return undefined;
}

// What a date range's TIMEX names: a year ("2025"), a month ("2026-10", "XXXX-09"), an ISO week ("2026-W47").
// Anything else ("between the 3rd and the 5th") is read as its first day, as an estimate.
function rangePrecision(timex: string | undefined): WhenPrecision | undefined {
  if (timex === undefined) return undefined;
  if (/^(?:\d{4}|XXXX)$/.test(timex)) return 'year';
  if (/^(?:\d{4}|XXXX)-\d{2}$/.test(timex)) return 'month';
  if (/^(?:\d{4}|XXXX)-W\d{2}$/.test(timex)) return 'week';
  return undefined;
}

function candidatesOf(typeName: string, resolution: unknown): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { value, start, timex } of resolutionValues(resolution)) {
    if (typeName === 'datetimeV2.date' || typeName === 'datetimeV2.daterange') {
      const match = RESOLVED_DATE.exec((typeName === 'datetimeV2.date' ? value : start) ?? '');
      const date = match && civil(match);
      if (!date) continue;
      if (typeName === 'datetimeV2.date') {
        candidates.push({ date, approximate: false });
      } else {
        const precision = rangePrecision(timex);
        candidates.push(precision ? period(date, precision) : { date, approximate: true });
      }
    } else if (typeName === 'datetimeV2.datetime' || typeName === 'datetimeV2.datetimerange') {
      const match = RESOLVED_DATETIME.exec((typeName === 'datetimeV2.datetime' ? value : start) ?? '');
      const date = match && civil(match);
      if (!match || !date) continue;
      // A range ("last night", "yesterday afternoon") names a day, with a conventional start hour nobody said.
      candidates.push(typeName === 'datetimeV2.datetime'
        ? { date, time: { hour: Number(match[4]), minute: Number(match[5]) }, approximate: false }
        : { date, approximate: false });
    }
  }
  return candidates;
}

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

function parseEnglish(text: string, clock: Clock): Parsed {
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

// ─── Choosing and checking ────────────────────────────────────────────────────────────────────────────────

function isFuture(candidate: Candidate, clock: Clock): boolean {
  const order = compareDates(candidate.date, clock.today);
  if (order !== 0) return order > 0;
  const { time } = candidate;
  return time !== undefined && time.hour * 60 + time.minute > clock.time.hour * 60 + clock.time.minute;
}

// Words that make a date an estimate: "ประมาณ 3 วันก่อน", "about three months ago", "เดือนกันยายนกว่า ๆ".
const HEDGES = /ประมาณ|ประมาน|ราว|น่าจะ|คงจะ|เกือบ|กว่า|สองสาม|ไม่แน่ใจ|\b(?:about|around|approx|approximately|roughly|maybe|probably|perhaps|sometime|some time|almost|nearly|or so)\b/;

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
