import { z } from 'zod';
import { epochMs } from './common';

/**
 * Office hours. A calendar an admin sends is checked by parseCalendar (lib/handoff/officeHours.ts), the one
 * rule the service and the app's form both run; these schemas describe the shapes.
 */

export { CalendarError, type CalendarProblem, MAX_HOLIDAYS, MAX_HOLIDAY_NAME, MAX_SPANS_PER_DAY, parseCalendar, readCalendar } from '../../handoff/officeHours';

export const openingSpan = z.strictObject({ start: z.string(), end: z.string() });
export const holiday = z.strictObject({ date: z.string(), nameTh: z.string(), nameEn: z.string(), estimate: z.boolean() });
export const calendar = z.strictObject({ weekly: z.array(z.array(openingSpan)).length(7), holidays: z.array(holiday) });
export type Calendar = z.infer<typeof calendar>;

/** `GET /office-hours`; `nextOpening` is null when the calendar has no opening within a year. */
export const officeHoursResponse = z.strictObject({ calendar, openNow: z.boolean(), nextOpening: epochMs.nullable() });
export type OfficeHoursResponse = z.infer<typeof officeHoursResponse>;

/** `PUT /office-hours` (the request is a whole calendar, checked by parseCalendar) */
export const calendarResponse = z.strictObject({ calendar });
export type CalendarResponse = z.infer<typeof calendarResponse>;
