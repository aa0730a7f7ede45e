import { type Said, said } from './text';

export const MINUTE = 60 * 1000;

/** An instant as the API gives it (epoch ms or an ISO string) in epoch ms; undefined when it is neither. */
export function toTime(value: string | number | undefined | null): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** How long something has lasted, in the largest units that say it: under a minute, minutes, hours, days. */
export function duration(ms: number): Said {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 1) return said('lessThanMinute');
  if (minutes < 60) return said('minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return said('hoursMinutes', { h: hours, m: minutes % 60 });
  return said('daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
}

export const LOCALES = { th: 'th-TH', en: 'en-GB' } as const;

/** Times are Bangkok's wherever the officer's computer is; the Thai locale counts years in the Buddhist era. */
export function formatDateTime(value: string | number | undefined, lang: 'th' | 'en'): string {
  const time = toTime(value);
  if (time === undefined) return '';
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

const bangkokDay = (time: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(time));

/** The time alone for today's messages, the date too for older ones. */
export function formatTime(value: string | number | undefined, lang: 'th' | 'en', now: number): string {
  const time = toTime(value);
  if (time === undefined) return '';
  return bangkokDay(time) === bangkokDay(now)
    ? new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Asia/Bangkok', timeStyle: 'short' }).format(new Date(time))
    : formatDateTime(time, lang);
}

/** A calendar date ("2026-11-23") as officers read dates: "23 พ.ย. 2569", "23 Nov 2026". */
export function formatDay(value: string | undefined, lang: 'th' | 'en'): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value ?? '';
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${value}T00:00:00Z`));
}

export function isoOf(value: string | number | undefined): string {
  return new Date(toTime(value) ?? 0).toISOString();
}

/**
 * The weekday, day, month and year of an instant in the page's language, from the browser's own calendar data
 * (the Thai locale counts years in the Buddhist era). The order they are written in is the catalogue's
 * (longDay), the same as the bot tells citizens, whatever the browser's version would add.
 */
export function longDayParts(date: Date, timeZone: string, lang: 'th' | 'en'): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(LOCALES[lang], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = part.value;
  }
  return parts;
}

/** Bangkok's clock time of an instant, 24-hour: "08:30". */
export function bangkokClock(at: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** Today's date in Bangkok as the calendar writes dates ("2026-11-24"). */
export function bangkokToday(now: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(now));
}
