/**
 * English dates and times through Microsoft Recognizers-Text, read on Bangkok's clock: the years it would
 * misread rewritten first, its resolutions checked field by field, and ranges read as the period they name.
 */

import { Culture, DateTimeOptions, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { civil, type CivilDate, type Clock, type ClockTime } from '../bangkokCalendar';
import { resolveYear } from '../buddhistEra';
import type { Candidate } from './candidates';
import { period } from './precision';
import { recognizerWindow } from './recognizerWindow';
import type { WhenPrecision } from './result';

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

export function rewriteEnglishYears(text: string, today: CivilDate): string {
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
// It is shown only the words that can make a date or a time (recognizerWindow.ts); what it finds is placed back
// in the whole text.
export function recognize(text: string, clock: Clock): ReturnType<typeof recognizeDateTime> {
  const window = recognizerWindow(text);
  if (window.text === '') return [];
  const { today, time } = clock;
  const reference = new Date(today.year, today.month - 1, today.day, time.hour, time.minute, clock.second);
  return recognizeDateTime(window.text, Culture.English, DateTimeOptions.None, reference).map((result) => {
    const start = window.original(result.start);
    // `end` is the offset of the last character, as the recognizer gives it.
    const end = window.original(result.end);
    return { ...result, start, end, text: text.slice(start, end + 1) };
  });
}

const RESOLVED_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESOLVED_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::\d{2})?$/;
export const RESOLVED_TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

// The resolution values of one result; the library types them as `any`, so each field is checked here.
export function resolutionValues(resolution: unknown): { value?: string; start?: string; timex?: string }[] {
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

export function recognizedTime(text: string, clock: Clock): ClockTime | undefined {
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

export function candidatesOf(typeName: string, resolution: unknown): Candidate[] {
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
