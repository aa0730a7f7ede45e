/**
 * Dates written the way Thai offices write them: Buddhist-era years in Thai, day month year in both
 * languages, a date, a time, a week, a month or a year.
 */

import type { Lang } from '../i18n/language';
import { addDays, type CivilDate, civil, clockAt, hhmm, weekdayOf } from './bangkokCalendar';
import { BE_OFFSET } from './buddhistEra';

/** Options of {@link formatDate}. */
export interface FormatDateOptions {
  /** HH:mm, appended in the language's usual way. */
  time?: string;
  /** Prefixes the day of the week. */
  weekday?: boolean;
}

// By hand rather than Intl: Node's ICU writes "24 November 2026 at 14:30" and "… 2569 เวลา 14:30" (no น.),
// and its wording changes between ICU versions.
const THAI_MONTH_NAMES = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;
const ENGLISH_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const THAI_WEEKDAY_NAMES = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'] as const;
const ENGLISH_WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DATE_STRING = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_STRING = /^([01]\d|2[0-3]):([0-5]\d)$/;

function format(date: CivilDate, lang: Lang, options: FormatDateOptions): string {
  const weekday = weekdayOf(date);
  if (lang === 'th') {
    const day = `${date.day} ${THAI_MONTH_NAMES[date.month - 1]} ${date.year + BE_OFFSET}`;
    const withWeekday = options.weekday ? `วัน${THAI_WEEKDAY_NAMES[weekday]}ที่ ${day}` : day;
    return options.time ? `${withWeekday} เวลา ${options.time} น.` : withWeekday;
  }
  const day = `${date.day} ${ENGLISH_MONTH_NAMES[date.month - 1]} ${date.year}`;
  const withWeekday = options.weekday ? `${ENGLISH_WEEKDAY_NAMES[weekday]}, ${day}` : day;
  return options.time ? `${withWeekday}, ${options.time}` : withWeekday;
}

/**
 * Formats a YYYY-MM-DD date: `24 พฤศจิกายน 2569` (Buddhist era) or `24 November 2026`; with a time,
 * `24 พฤศจิกายน 2569 เวลา 14:30 น.` or `24 November 2026, 14:30`; with the weekday,
 * `วันอังคารที่ 24 พฤศจิกายน 2569` or `Tuesday, 24 November 2026`. Throws a RangeError for a malformed date or time.
 */
export function formatDate(date: string, lang: Lang, options: FormatDateOptions = {}): string {
  const civilDate = parseIsoDate(date);
  if (options.time !== undefined && !TIME_STRING.test(options.time)) throw new RangeError(`not an HH:mm time: ${options.time}`);
  return format(civilDate, lang, options);
}

function parseIsoDate(date: string): CivilDate {
  const match = DATE_STRING.exec(date);
  const civilDate = match ? civil(match) : undefined;
  if (!civilDate) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return civilDate;
}

function monthName(month: number, lang: Lang): string {
  return (lang === 'th' ? THAI_MONTH_NAMES : ENGLISH_MONTH_NAMES)[month - 1];
}

function yearOf(date: CivilDate, lang: Lang): number {
  return lang === 'th' ? date.year + BE_OFFSET : date.year;
}

/** The month of a YYYY-MM-DD date: `กันยายน 2569` or `September 2026`. */
export function formatMonth(date: string, lang: Lang): string {
  const civilDate = parseIsoDate(date);
  return `${monthName(civilDate.month, lang)} ${yearOf(civilDate, lang)}`;
}

/** The year of a YYYY-MM-DD date, Buddhist era in Thai: `2569` or `2026`. */
export function formatYear(date: string, lang: Lang): string {
  return String(yearOf(parseIsoDate(date), lang));
}

/**
 * The seven days from a YYYY-MM-DD date (a week's Monday), as a range written once:
 * `16–22 พฤศจิกายน 2569`, `30 พฤศจิกายน – 6 ธันวาคม 2569`, `29 December 2025 – 4 January 2026`.
 */
export function formatWeek(date: string, lang: Lang): string {
  const first = parseIsoDate(date);
  const last = addDays(first, 6);
  const tail = `${last.day} ${monthName(last.month, lang)} ${yearOf(last, lang)}`;
  if (first.month === last.month) return `${first.day}–${tail}`;
  if (first.year === last.year) return `${first.day} ${monthName(first.month, lang)} – ${tail}`;
  return `${first.day} ${monthName(first.month, lang)} ${yearOf(first, lang)} – ${tail}`;
}

/** Formats an instant as Bangkok date and time, as {@link formatDate} does with a time. */
export function formatDateTime(epochMs: number, lang: Lang, options: { weekday?: boolean } = {}): string {
  const clock = clockAt(epochMs);
  return format(clock.today, lang, { time: hhmm(clock.time), weekday: options.weekday });
}
