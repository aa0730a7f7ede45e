/**
 * Civil dates and their arithmetic (no time zone involved), and Bangkok's wall clock at an instant (UTC+7, no
 * daylight saving time): the calendar the date parsers and formatters count on.
 */

export interface CivilDate {
  year: number;
  // 1–12
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

// Bangkok's wall clock at the injected `now`.
export interface Clock {
  today: CivilDate;
  time: ClockTime;
  second: number;
  epochMs: number;
}

const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
const BANGKOK_OFFSET_MS = 7 * HOUR_MS;

function dayNumber(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

function fromDayNumber(days: number): CivilDate {
  const utc = new Date(days * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

// Calendar months later (negative: earlier), clamped to the month's last day (31 March − 1 month = 28/29 Feb).
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

// 0 = Sunday … 6 = Saturday
export function weekdayOf(date: CivilDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return dayNumber(a) - dayNumber(b);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function isoDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function hhmm(time: ClockTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

export function clockAt(epochMs: number): Clock {
  if (!Number.isFinite(epochMs)) throw new RangeError('invalid time');
  const shifted = new Date(epochMs + BANGKOK_OFFSET_MS);
  return {
    today: { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    time: { hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() },
    second: shifted.getUTCSeconds(),
    epochMs,
  };
}

/** Today's date in Bangkok, YYYY-MM-DD. */
export function bangkokToday(now: Date): string {
  return isoDate(clockAt(now.getTime()).today);
}

// The date a match of year, month and day (groups 1 to 3) names; undefined if there is no such day.
export function civil(match: RegExpExecArray): CivilDate | undefined {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}
