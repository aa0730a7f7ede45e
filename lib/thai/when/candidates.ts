/**
 * What the date parsers find, before one reading is chosen and checked (parseWhen.ts), and the text left
 * for a time of day once a date expression is read.
 */

import type { CivilDate, ClockTime } from '../bangkokCalendar';
import type { WhenPrecision } from './result';

export interface Candidate {
  date: CivilDate;
  time?: ClockTime;
  approximate: boolean;
  precision?: WhenPrecision;
}

// `found` lists readings in order of preference (a recognizer may return both "12 January" this year and
// next); `invalid` means the text clearly names a date that does not exist (31 February); `ancient` a year
// before any the calendar code handles (0012).
export type Parsed = { kind: 'found'; candidates: Candidate[] } | { kind: 'invalid' } | { kind: 'ancient' } | { kind: 'none' };

export const NONE: Parsed = { kind: 'none' };
export const INVALID: Parsed = { kind: 'invalid' };

export function found(date: CivilDate, approximate: boolean, time?: ClockTime): Parsed {
  return { kind: 'found', candidates: [{ date, time, approximate }] };
}

export interface Extracted {
  parsed: Parsed;
  // The text with the date expression blanked out, searched next for a time of day.
  rest: string;
  // "Last night": a time in the small hours falls on the next date.
  night?: boolean;
}

export function blankOut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}
