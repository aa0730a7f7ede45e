import { removeBidiControls } from '../bidiControls';
import type { Lang } from '../i18n/language';
import { formatDate, formatMonth, formatWeek, formatYear } from '../thai/formatDates';
import type { WhenPrecision } from '../thai/when/result';
import { cleanText } from './fields';

/** When it happened, as a complaint keeps it: what was understood, and the citizen's own words for it. */
export interface IncidentWhen {
  /** YYYY-MM-DD: the day, or the first day of the period `precision` names. */
  date?: string;
  time?: string;
  /** The citizen's estimate ("ประมาณ", "about", counted back in months). */
  approximate?: boolean;
  /** Absent for a day. */
  precision?: WhenPrecision;
  unknownDate?: boolean;
  /** What the citizen typed, shown beside what was understood. */
  said?: string;
}

/** A content text in the citizen's language (Texts.get bound to a language). */
export type TextOf = (key: string, vars?: Record<string, string>) => string;

const MAX_SAID = 200;

/** The citizen's words for when, as kept: cleaned like any short field, and bounded. */
export function keptSaid(typed: string): string | undefined {
  const said = Array.from(cleanText(removeBidiControls(typed)).replace(/\s+/g, ' ')).slice(0, MAX_SAID).join('');
  return said === '' ? undefined : said;
}

/**
 * What the bot understood, as precisely as the citizen said it: `วันอังคารที่ 24 พฤศจิกายน 2569 เวลา 14:00 น.`,
 * `ประมาณวันที่ 20 พฤศจิกายน 2569`, `สัปดาห์วันที่ 16–22 พฤศจิกายน 2569`, `ประมาณเดือนกันยายน 2569`, `ปี 2567`,
 * or "not sure". A day is shown with its weekday, so that "last Tuesday" can be checked at a glance.
 */
export function whenUnderstood(when: IncidentWhen, lang: Lang, text: TextOf): string {
  if (!when.date) return text('complaint.when.unknown');
  const about = when.approximate ? 'Approx' : '';
  switch (when.precision) {
    case 'week':
      return text(`complaint.when.shown.week${about}`, { range: formatWeek(when.date, lang) });
    case 'month':
      return text(`complaint.when.shown.month${about}`, { month: formatMonth(when.date, lang) });
    case 'year':
      return text(`complaint.when.shown.year${about}`, { year: formatYear(when.date, lang) });
    case undefined:
      return when.approximate
        ? text('complaint.when.shown.dayApprox', { date: formatDate(when.date, lang) })
        : formatDate(when.date, lang, { weekday: true, ...(when.time ? { time: when.time } : {}) });
  }
}

/** The summary's line: what was understood and, beside it, what the citizen wrote. */
export function whenWithSaid(when: IncidentWhen, lang: Lang, text: TextOf): string {
  const understood = whenUnderstood(when, lang, text);
  return when.date && when.said ? text('complaint.when.shown.said', { understood, said: when.said }) : understood;
}
