import type { Complaint } from '../api/types';
import { parseTrackingNumber } from '../../../../lib/complaints/trackingNumber';
import { LOCALES } from './time';

/* The statuses a complaint goes through, in order: the service's own list, imported. */
export { COMPLAINT_STATUSES as STATUSES } from '../../../../lib/complaints/types';

/** What is wrong with a typed tracking number, as the catalogue's key: not shaped like one, or one character mistyped. */
export type TrackingNumberProblem = 'trackingNumberFormat' | 'trackingNumberMistyped';

/**
 * A tracking number as an officer types it, read by the service's own rule (parseTrackingNumber: any case, spaces
 * or dashes, Thai digits, O for 0, with or without DD): the number as the service writes it, or what is wrong.
 */
export function readTrackingNumber(typed: string): { number: string } | { problem: TrackingNumberProblem } {
  const parsed = parseTrackingNumber(typed);
  if (parsed.ok) return { number: parsed.number };
  return { problem: parsed.reason === 'checksum' ? 'trackingNumberMistyped' : 'trackingNumberFormat' };
}

/**
 * When it happened, as precisely as the citizen said it (a week, a month or a year is not shown as its first
 * day), an estimate marked, and the citizen's own words beside it. `words` are the catalogue's "about" and
 * "the week from".
 */
export function formatWhen(incident: Complaint['incident'], lang: 'th' | 'en', words: { about: string; weekFrom: string }): string {
  if (!incident || typeof incident.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(incident.date)) return '';
  const date = new Date(`${incident.date}T00:00:00Z`);
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options }).format(date);
  let understood: string;
  if (incident.precision === 'year') understood = format({ year: 'numeric' });
  else if (incident.precision === 'month') understood = format({ month: 'long', year: 'numeric' });
  else if (incident.precision === 'week') understood = `${words.weekFrom} ${format({ dateStyle: 'medium' })}`;
  else understood = [format({ dateStyle: 'medium' }), incident.time].filter(Boolean).join(' ');
  if (incident.approximate) understood = `${words.about} ${understood}`;
  return incident.said ? `${understood} (“${incident.said}”)` : understood;
}
