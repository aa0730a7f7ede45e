import type { Complaint } from '../api/types';
import { LOCALES } from './time';

/* The statuses a complaint goes through, in order: the service's own list, imported. */
export { COMPLAINT_STATUSES as STATUSES } from '../../../../lib/complaints/types';

/** A tracking number typed loosely, as citizens give it: spaces and lower case are tidied up. */
export function tidyNumber(typed: string): string {
  return typed.trim().toUpperCase().replace(/\s+/g, '');
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
