/**
 * Office hours: when officers answer live. A pure function of the time and a calendar — the weekly hours and
 * the holidays — which lives in content so that admins can change it (a new Cabinet holiday, a centre that
 * opens on Saturdays). Time is Bangkok's, UTC+7 all year (Thailand has no daylight saving).
 */

export interface OpeningSpan {
  /** HH:mm, Bangkok time. */
  start: string;
  end: string;
}

export interface Holiday {
  /** YYYY-MM-DD. */
  date: string;
  nameTh: string;
  nameEn: string;
  /** Dates that depend on a not yet announced lunar date or Cabinet decision. */
  estimate: boolean;
}

export interface OfficeCalendar {
  /** Index 0 is Sunday, as Date.getUTCDay numbers days. */
  weekly: ReadonlyArray<readonly OpeningSpan[]>;
  holidays: readonly Holiday[];
}

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead nextOpening looks: a calendar with no opening in a year is a broken calendar. */
const SEARCH_DAYS = 366;

const WORKDAY: readonly OpeningSpan[] = [{ start: '08:30', end: '16:30' }];

/** Government office hours: Monday to Friday, 08:30–16:30. */
export const GOVERNMENT_WEEK: ReadonlyArray<readonly OpeningSpan[]> = [[], WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, []];

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(hhmm: string): number {
  const match = TIME_OF_DAY.exec(hhmm);
  if (!match) throw new Error(`Not a time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The Bangkok calendar date and minute of the day of an instant. */
function bangkokParts(at: number): { date: string; weekday: number; minute: number; dayStart: number } {
  const shifted = at + BANGKOK_OFFSET_MS;
  const dayStart = Math.floor(shifted / DAY_MS) * DAY_MS;
  const day = new Date(dayStart);
  return {
    date: day.toISOString().slice(0, 10),
    weekday: day.getUTCDay(),
    minute: Math.floor((shifted - dayStart) / 60000),
    dayStart: dayStart - BANGKOK_OFFSET_MS,
  };
}

/**
 * What is wrong with a calendar, for the officer app to say in words: the field at fault (`weekly.2.0.end`,
 * `holidays.4.date`), the rule it breaks, and the limit when there is one.
 */
export interface CalendarProblem {
  field: string;
  rule: 'type' | 'required' | 'too-long' | 'too-many' | 'count' | 'format' | 'not-a-date' | 'ends-before-start' | 'no-opening' | 'duplicate';
  limit?: number;
}

/** A malformed calendar: the message for logs and operators, the problem for the app. */
export class CalendarError extends Error {
  constructor(readonly problem: CalendarProblem, message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

function refuse(problem: CalendarProblem, message: string): never {
  throw new CalendarError(problem, message);
}

/** Throws when the calendar is malformed: admins edit it, and a bad edit must not silently close the service. */
export function checkCalendar(calendar: OfficeCalendar): void {
  if (!Array.isArray(calendar.weekly) || calendar.weekly.length !== 7) refuse({ field: 'weekly', rule: 'count', limit: 7 }, 'weekly needs 7 days, Sunday first');
  calendar.weekly.forEach((spans: readonly OpeningSpan[], day: number) => {
    spans.forEach((span: OpeningSpan, at: number) => {
      for (const end of ['start', 'end'] as const) {
        if (!TIME_OF_DAY.test(span[end])) refuse({ field: `weekly.${day}.${at}.${end}`, rule: 'format' }, `Not a time of day: ${span[end]}`);
      }
      if (minutes(span.start) >= minutes(span.end)) refuse({ field: `weekly.${day}.${at}.end`, rule: 'ends-before-start' }, `Opening ${span.start}–${span.end} ends before it starts`);
    });
  });
  calendar.holidays.forEach((holiday: Holiday, index: number) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday.date)) refuse({ field: `holidays.${index}.date`, rule: 'not-a-date' }, `Not a date: ${holiday.date}`);
  });
}

export const MAX_SPANS_PER_DAY = 4;
export const MAX_HOLIDAYS = 400;
export const MAX_HOLIDAY_NAME = 200;

/** A real calendar day written YYYY-MM-DD: 2026-02-30 does not come back as itself. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A calendar from untrusted input (an admin's edit through the API, or the app's form before it is sent): every
 * field's type and size checked, and a fresh object built from the fields it knows, so nothing else is stored.
 * Every problem is found, field by field (a bad opening or holiday does not hide the next one): the officer app
 * shows each at its field, the service refuses with the first (parseCalendar). `calendar` is there only when
 * there is no problem. Browser-safe: the officer app checks its form with it.
 */
export function readCalendar(input: unknown): { calendar?: OfficeCalendar; problems: CalendarError[] } {
  const problems: CalendarError[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const record = (value: unknown, field: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse({ field, rule: 'type' }, `${field || 'The calendar'} must be an object`);
    return value as Record<string, unknown>;
  };
  const string = (value: unknown, field: string, max: number): string => {
    if (typeof value !== 'string') refuse({ field, rule: value === undefined || value === null ? 'required' : 'type' }, `${field} must be a string of 1–${max} characters`);
    if (value.trim() === '') refuse({ field, rule: 'required' }, `${field} must be a string of 1–${max} characters`);
    if (value.length > max) refuse({ field, rule: 'too-long', limit: max }, `${field} must be a string of 1–${max} characters`);
    return value.trim();
  };
  const time = (value: unknown, field: string): string => {
    const text = string(value, field, 5);
    if (!TIME_OF_DAY.test(text)) refuse({ field, rule: 'format' }, `Not a time of day: ${text}`);
    return text;
  };
  const root = collect(() => {
    const fields = record(input, '');
    if (!Array.isArray(fields.weekly) || fields.weekly.length !== 7) refuse({ field: 'weekly', rule: 'count', limit: 7 }, 'weekly needs 7 days, Sunday first');
    return { weekly: fields.weekly as unknown[], holidays: fields.holidays };
  });
  if (!root) return { problems };

  const weekly = root.weekly.map((day: unknown, index: number): OpeningSpan[] => {
    const spans = collect(() => {
      if (!Array.isArray(day)) refuse({ field: `weekly.${index}`, rule: 'type' }, `weekly[${index}] must be a list of at most ${MAX_SPANS_PER_DAY} openings`);
      if (day.length > MAX_SPANS_PER_DAY) refuse({ field: `weekly.${index}`, rule: 'too-many', limit: MAX_SPANS_PER_DAY }, `weekly[${index}] must be a list of at most ${MAX_SPANS_PER_DAY} openings`);
      return day as unknown[];
    });
    return (spans ?? []).flatMap((span: unknown, at: number) => collect(() => {
      const fields = record(span, `weekly.${index}.${at}`);
      const start = time(fields.start, `weekly.${index}.${at}.start`);
      const end = time(fields.end, `weekly.${index}.${at}.end`);
      if (minutes(start) >= minutes(end)) refuse({ field: `weekly.${index}.${at}.end`, rule: 'ends-before-start' }, `Opening ${start}–${end} ends before it starts`);
      return [{ start, end }];
    }) ?? []);
  });
  // A week with no opening at all would turn every request into a question for a day that never comes.
  if (problems.length === 0 && weekly.every((day) => day.length === 0)) problems.push(new CalendarError({ field: 'weekly', rule: 'no-opening' }, 'weekly needs at least one opening'));

  const entries = collect(() => {
    if (!Array.isArray(root.holidays)) refuse({ field: 'holidays', rule: 'type' }, `holidays must be a list of at most ${MAX_HOLIDAYS}`);
    if (root.holidays.length > MAX_HOLIDAYS) refuse({ field: 'holidays', rule: 'too-many', limit: MAX_HOLIDAYS }, `holidays must be a list of at most ${MAX_HOLIDAYS}`);
    return root.holidays as unknown[];
  });
  const holidays: Holiday[] = [];
  const seen = new Set<string>();
  (entries ?? []).forEach((entry: unknown, index: number) => {
    const fields = collect(() => record(entry, `holidays.${index}`));
    if (!fields) return;
    const date = collect(() => {
      const field = `holidays.${index}.date`;
      const text = string(fields.date, field, 10);
      if (!isCalendarDate(text)) refuse({ field, rule: 'not-a-date' }, `Not a date: ${text}`);
      // The later of two rows with one date is the one at fault.
      if (seen.has(text)) refuse({ field, rule: 'duplicate' }, `${text} is listed twice`);
      seen.add(text);
      return text;
    });
    const nameTh = collect(() => string(fields.nameTh, `holidays.${index}.nameTh`, MAX_HOLIDAY_NAME));
    const nameEn = collect(() => string(fields.nameEn, `holidays.${index}.nameEn`, MAX_HOLIDAY_NAME));
    if (date !== undefined && nameTh !== undefined && nameEn !== undefined) holidays.push({ date, nameTh, nameEn, estimate: fields.estimate === true });
  });
  if (problems.length > 0) return { problems };
  return { calendar: { weekly, holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)) }, problems };
}

/** A calendar from untrusted input (see readCalendar); throws a CalendarError with the first problem. */
export function parseCalendar(input: unknown): OfficeCalendar {
  const { calendar, problems } = readCalendar(input);
  if (!calendar) throw problems[0];
  return calendar;
}

/** What an edit changed in the holidays, by date: what the audit log keeps and the app says in words. */
export function holidayChanges(before: OfficeCalendar, after: OfficeCalendar): { added: string[]; removed: string[] } {
  const had = new Set(before.holidays.map((holiday) => holiday.date));
  const has = new Set(after.holidays.map((holiday) => holiday.date));
  return { added: [...has].filter((date) => !had.has(date)).sort(), removed: [...had].filter((date) => !has.has(date)).sort() };
}

/**
 * What a day is at a given moment, for telling a citizen honestly why officers are not in: a holiday (with its
 * name), a day without office hours, or a working day with its hours and where the moment falls in them.
 * `date` is the Bangkok date, YYYY-MM-DD.
 */
export type DayAt =
  | { kind: 'holiday'; date: string; holiday: Holiday }
  | { kind: 'noHours'; date: string }
  | { kind: 'hours'; date: string; spans: readonly OpeningSpan[]; phase: 'before' | 'between' | 'open' | 'after' };

export class OfficeHours {
  private readonly holidays: Map<string, Holiday>;

  constructor(private readonly calendar: OfficeCalendar) {
    checkCalendar(calendar);
    this.holidays = new Map(calendar.holidays.map((holiday) => [holiday.date, holiday]));
  }

  /** The holiday on the Bangkok date of `at`, if it is one. */
  holidayOn(at: number): Holiday | undefined {
    return this.holidays.get(bangkokParts(at).date);
  }

  isOpen(at: number): boolean {
    const { date, weekday, minute } = bangkokParts(at);
    if (this.holidays.has(date)) return false;
    return this.calendar.weekly[weekday].some((span) => minute >= minutes(span.start) && minute < minutes(span.end));
  }

  /** The day of `at` as a citizen would be told about it (see DayAt). */
  dayAt(at: number): DayAt {
    const { date, weekday, minute } = bangkokParts(at);
    const holiday = this.holidays.get(date);
    if (holiday) return { kind: 'holiday', date, holiday };
    const spans = [...this.calendar.weekly[weekday]].sort((a, b) => minutes(a.start) - minutes(b.start));
    if (spans.length === 0) return { kind: 'noHours', date };
    const phase = spans.some((span) => minute >= minutes(span.start) && minute < minutes(span.end))
      ? 'open'
      : minute < minutes(spans[0].start)
        ? 'before'
        : minute >= minutes(spans[spans.length - 1].end)
          ? 'after'
          : 'between';
    return { kind: 'hours', date, spans, phase };
  }

  /** When officers are next in (now, if open now); undefined if the calendar has no opening within a year. */
  nextOpening(at: number): number | undefined {
    if (this.isOpen(at)) return at;
    const first = bangkokParts(at);
    for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
      const dayStart = first.dayStart + offset * DAY_MS;
      const { date, weekday } = bangkokParts(dayStart);
      if (this.holidays.has(date)) continue;
      const starts = this.calendar.weekly[weekday].map((span) => dayStart + minutes(span.start) * 60000).filter((start) => start > at);
      if (starts.length > 0) return Math.min(...starts);
    }
    return undefined;
  }

  /** When the current opening ends, if open now: a live chat is not begun minutes before closing. */
  closesAt(at: number): number | undefined {
    if (!this.isOpen(at)) return undefined;
    const { weekday, minute, dayStart } = bangkokParts(at);
    const span = this.calendar.weekly[weekday].find((candidate) => minute >= minutes(candidate.start) && minute < minutes(candidate.end));
    return span ? dayStart + minutes(span.end) * 60000 : undefined;
  }
}

/** The shipped holiday file's entries as calendar holidays (its `status` says which dates are estimates). */
export function holidaysFromSeed(entries: ReadonlyArray<{ date: string; nameTh: string; nameEn: string; status: string }>): Holiday[] {
  return entries.map((entry) => ({ date: entry.date, nameTh: entry.nameTh, nameEn: entry.nameEn, estimate: /ESTIMATE/.test(entry.status) }));
}
