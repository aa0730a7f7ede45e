import type { Holiday, OfficeCalendar, OpeningSpan } from '../api/types';
import { type CalendarProblem, isCalendarDate, MAX_HOLIDAY_NAME, readCalendar } from '../../../../lib/handoff/officeHours';
import { type Said, said } from './text';

export { isCalendarDate, MAX_HOLIDAY_NAME };

/** The API's `weekly` is Sunday first (0 = Sunday, as Date numbers days); Thai offices read the week from Monday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** One day's openings as admins write them: "08:30–16:30", or "08:30–12:00, 13:00–16:30". */
export function formatSpans(spans: readonly OpeningSpan[] | undefined): string {
  return (spans ?? []).map((span) => `${span.start}–${span.end}`).join(', ');
}

const twoDigits = (value: string) => (value.length === 1 ? `0${value}` : value);

/**
 * What an admin typed for one day, as openings, or that it cannot be read as times. Either dash is taken, and
 * "8.30" as Thai offices often write it; the times go to the service as HH:mm, the only form it accepts. Empty
 * is a closed day. Whether the openings are good (real times, in order, how many) is the service's own check,
 * run by checkHours.
 */
export function parseSpans(text: string): { spans: OpeningSpan[] } | { problem: Said } {
  const pieces = text.split(',').map((piece) => piece.trim()).filter(Boolean);
  const spans: OpeningSpan[] = [];
  for (const piece of pieces) {
    const match = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/.exec(piece);
    if (!match) return { problem: said('errSpanFormat') };
    spans.push({ start: `${twoDigits(match[1])}:${match[2]}`, end: `${twoDigits(match[3])}:${match[4]}` });
  }
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

const HOLIDAY_FIELDS = ['date', 'nameTh', 'nameEn'] as const;

/**
 * A problem the service's check (readCalendar) finds, at its field of the form and in the admin's words. What
 * the form has no field for is reported as refused.
 */
function problemAt(problem: CalendarProblem, draft: HoursDraft, weekly: readonly OpeningSpan[][]): HoursProblem {
  const max = problem.limit === undefined ? undefined : { max: problem.limit };
  const day = /^weekly\.(\d)(?:\.(\d+)\.(?:start|end))?$/.exec(problem.field);
  if (day) {
    const span = day[2] === undefined ? undefined : weekly[Number(day[1])]?.[Number(day[2])];
    const what = problem.rule === 'too-many' ? said('errTooManySpans', max) : problem.rule === 'ends-before-start' && span ? said('errSpanOrder', { span: `${span.start}–${span.end}` }) : said('errSpanFormat');
    return { field: { day: Number(day[1]) }, said: what };
  }
  if (problem.field === 'weekly' && problem.rule === 'no-opening') return { field: { section: 'weekly' }, said: said('errNoOpening') };
  if (problem.field === 'holidays' && problem.rule === 'too-many') return { field: { section: 'holidays' }, said: said('errTooManyHolidays', max) };
  const holiday = /^holidays\.(\d+)\.(date|nameTh|nameEn)$/.exec(problem.field);
  const row = holiday ? draft.holidays[Number(holiday[1])] : undefined;
  if (holiday && row) {
    const name = holiday[2] as (typeof HOLIDAY_FIELDS)[number];
    const what = name === 'date'
      ? said(problem.rule === 'duplicate' ? 'errDateTwice' : 'errDate')
      : problem.rule === 'too-long' ? said('errNameLong', max) : said(name === 'nameTh' ? 'errNameTh' : 'errNameEn');
    return { field: { holiday: row.key, name }, said: what };
  }
  return { field: { section: 'weekly' }, said: said('hoursRefusedHere') };
}

/** Where a problem's field stands in the form, top to bottom: the week from Monday, then the holiday rows. */
function formOrder(problem: HoursProblem, draft: HoursDraft): number {
  const { field } = problem;
  if ('day' in field) return WEEK_ORDER.indexOf(field.day as (typeof WEEK_ORDER)[number]);
  if ('section' in field) return field.section === 'weekly' ? 7 : 8;
  return 9 + draft.holidays.findIndex((holiday) => holiday.key === field.holiday) * HOLIDAY_FIELDS.length + HOLIDAY_FIELDS.indexOf(field.name);
}

/**
 * The calendar to send and what is wrong with the form, each problem at its field in the admin's language: the
 * days that cannot be read as times, then whatever the service's own check (readCalendar, imported) finds.
 */
export function checkHours(draft: HoursDraft): { calendar: OfficeCalendar; problems: HoursProblem[] } {
  const problems: HoursProblem[] = [];
  const weekly: OpeningSpan[][] = [[], [], [], [], [], [], []];
  for (const day of WEEK_ORDER) {
    const parsed = parseSpans(draft.weekly[day] ?? '');
    if ('problem' in parsed) problems.push({ field: { day }, said: parsed.problem });
    else weekly[day] = parsed.spans;
  }
  const holidays = draft.holidays.map((holiday) => ({ date: holiday.date.trim(), nameTh: holiday.nameTh.trim(), nameEn: holiday.nameEn.trim(), estimate: holiday.estimate }));
  const calendar = { weekly, holidays };
  const unread = problems.length > 0;
  for (const error of readCalendar(calendar).problems) {
    // A day that could not be read is left empty here: the week is not "without an opening" for that.
    if (unread && error.problem.rule === 'no-opening') continue;
    problems.push(problemAt(error.problem, draft, weekly));
  }
  problems.sort((a, b) => formOrder(a, draft) - formOrder(b, draft));
  return { calendar, problems };
}

/** Upcoming holidays (today included) first, the past ones apart; a row an admin just added stays with the upcoming. */
export function splitHolidays<T extends { date: string; added?: boolean }>(holidays: readonly T[], today: string): { upcoming: T[]; past: T[] } {
  const upcoming: T[] = [];
  const past: T[] = [];
  for (const holiday of holidays) (holiday.added || !holiday.date || holiday.date >= today ? upcoming : past).push(holiday);
  return { upcoming, past };
}
