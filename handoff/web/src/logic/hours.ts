import type { Holiday, OfficeCalendar, OpeningSpan } from '../api/types';
import { MAX_HOLIDAY_NAME, MAX_HOLIDAYS, MAX_SPANS_PER_DAY, parseCalendar } from '../../../../lib/handoff/officeHours';
import { type Said, said } from './text';

export { MAX_HOLIDAY_NAME };

/** The API's `weekly` is Sunday first (0 = Sunday, as Date numbers days); Thai offices read the week from Monday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** One day's openings as admins write them: "08:30–16:30", or "08:30–12:00, 13:00–16:30". */
export function formatSpans(spans: readonly OpeningSpan[] | undefined): string {
  return (spans ?? []).map((span) => `${span.start}–${span.end}`).join(', ');
}

const twoDigits = (value: string) => (value.length === 1 ? `0${value}` : value);

/**
 * What an admin typed for one day, as openings or what is wrong with it. Either dash is taken, and "8.30" as
 * Thai offices often write it; the times go to the service as HH:mm, the only form it accepts. Empty is a
 * closed day.
 */
export function parseSpans(text: string): { spans: OpeningSpan[] } | { problem: Said } {
  const pieces = text.split(',').map((piece) => piece.trim()).filter(Boolean);
  const spans: OpeningSpan[] = [];
  for (const piece of pieces) {
    const match = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/.exec(piece);
    if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3]) > 23 || Number(match[4]) > 59) return { problem: said('errSpanFormat') };
    const start = `${twoDigits(match[1])}:${match[2]}`;
    const end = `${twoDigits(match[3])}:${match[4]}`;
    // HH:mm strings sort as the times they are.
    if (start >= end) return { problem: said('errSpanOrder', { span: `${start}–${end}` }) };
    spans.push({ start, end });
  }
  if (spans.length > MAX_SPANS_PER_DAY) return { problem: said('errTooManySpans') };
  return { spans };
}

export interface HolidayDraft extends Holiday {
  /** A row the admin added on this screen: it stays with the upcoming ones while its date is being typed. */
  added: boolean;
  key: number;
}

export interface HoursDraft {
  /** Sunday first, as typed. */
  weekly: string[];
  holidays: HolidayDraft[];
}

/** A problem with the form: the field it is in (day number, or a holiday row's key and field), and what is wrong. */
export interface HoursProblem {
  field: { day: number } | { holiday: number; name: 'date' | 'nameTh' | 'nameEn' } | { section: 'weekly' | 'holidays' };
  said: Said;
}

/** A real calendar day written YYYY-MM-DD: 2026-02-30 does not come back as itself. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * The calendar to send and what is wrong with the form, each problem at its field in the admin's language. The
 * service's own check (parseCalendar, imported) has the last word: what it refuses that the fields did not
 * already say is reported as refused.
 */
export function checkHours(draft: HoursDraft): { calendar: OfficeCalendar; problems: HoursProblem[] } {
  const problems: HoursProblem[] = [];
  const weekly: OpeningSpan[][] = [[], [], [], [], [], [], []];
  for (const day of WEEK_ORDER) {
    const parsed = parseSpans(draft.weekly[day] ?? '');
    if ('problem' in parsed) problems.push({ field: { day }, said: parsed.problem });
    else weekly[day] = parsed.spans;
  }
  if (problems.length === 0 && weekly.every((spans) => spans.length === 0)) problems.push({ field: { section: 'weekly' }, said: said('errNoOpening') });
  if (draft.holidays.length > MAX_HOLIDAYS) problems.push({ field: { section: 'holidays' }, said: said('errTooManyHolidays') });
  const seen = new Set<string>();
  const holidays = draft.holidays.map((holiday) => {
    const date = holiday.date.trim();
    const nameTh = holiday.nameTh.trim();
    const nameEn = holiday.nameEn.trim();
    if (!isCalendarDate(date)) problems.push({ field: { holiday: holiday.key, name: 'date' }, said: said('errDate') });
    else if (seen.has(date)) problems.push({ field: { holiday: holiday.key, name: 'date' }, said: said('errDateTwice') });
    seen.add(date);
    if (!nameTh) problems.push({ field: { holiday: holiday.key, name: 'nameTh' }, said: said('errNameTh') });
    else if (nameTh.length > MAX_HOLIDAY_NAME) problems.push({ field: { holiday: holiday.key, name: 'nameTh' }, said: said('errNameLong') });
    if (!nameEn) problems.push({ field: { holiday: holiday.key, name: 'nameEn' }, said: said('errNameEn') });
    else if (nameEn.length > MAX_HOLIDAY_NAME) problems.push({ field: { holiday: holiday.key, name: 'nameEn' }, said: said('errNameLong') });
    return { date, nameTh, nameEn, estimate: holiday.estimate };
  });
  const calendar = { weekly, holidays };
  if (problems.length === 0) {
    try {
      parseCalendar(calendar);
    } catch {
      problems.push({ field: { section: 'weekly' }, said: said('hoursRefusedHere') });
    }
  }
  return { calendar, problems };
}

/** Upcoming holidays (today included) first, the past ones apart; a row an admin just added stays with the upcoming. */
export function splitHolidays<T extends { date: string; added?: boolean }>(holidays: readonly T[], today: string): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const holiday of holidays) (holiday.added || !holiday.date || holiday.date >= today ? upcoming : past).push(holiday);
  return { upcoming, past };
}
