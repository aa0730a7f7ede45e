/**
 * Dates on the Bangkok calendar, in one place for their users: when something happened, as a citizen says it
 * in Thai or English (when/parseWhen.ts), and dates written the way Thai offices write them (formatDates.ts).
 */

export { bangkokToday } from './bangkokCalendar';
export { buddhistYear } from './buddhistEra';
export { formatDate, formatDateTime, formatMonth, formatWeek, formatYear } from './formatDates';
export type { FormatDateOptions } from './formatDates';
export { parseWhen } from './when/parseWhen';
export type { WhenFailureReason, WhenPrecision, WhenResult } from './when/result';
