import type { AuditEntry } from '../api/types';
import { type Said, said } from './text';

/** The audit log is read a page at a time: the service gives at most 200 entries a call. */
export const AUDIT_PAGE = 100;

/** A tracking number is typed loosely, as citizens give it (spaces, lower case); any other target exactly as it is logged. */
export function tidyAuditTarget(value: string): string {
  const trimmed = value.trim();
  const compact = trimmed.replace(/\s+/g, '');
  return /^dd-\d{4}-[0-9a-z]+$/i.test(compact) ? compact.toUpperCase() : trimmed;
}

/** Where an entry's target leads: a conversation, a complaint, an account (named), or nowhere. */
export function targetOf(entry: AuditEntry): { conversation: string } | { complaint: string } | { account: string } | { text: string } {
  const action = entry.action;
  const target = entry.target ?? '';
  if (action.startsWith('handoff.') && entry.conversation) return { conversation: entry.conversation };
  if (action.startsWith('complaint.') && target) return { complaint: target };
  if (action.startsWith('account.') || action.startsWith('session.')) return { account: target };
  return { text: target };
}

/**
 * An entry's details in words, from the structured details the service logs (ids and codes, never a citizen's
 * words): "status: received → in progress", "holidays: 2 added, 1 removed". `centre` and `status` name codes.
 * Details the app does not know are shown as they are logged.
 */
export interface AuditNames {
  status(code: string): string;
  centre(code: string): string;
  field(name: string): string;
}

export function detailsSaid(entry: AuditEntry, names: AuditNames): Said[] {
  const details = entry.details;
  if (!details || typeof details !== 'object') return [];
  const out: Said[] = [];
  const rest = { ...details };
  const take = <T>(key: string): T | undefined => {
    const value = rest[key] as T | undefined;
    delete rest[key];
    return value;
  };
  const from = details.from;
  const to = details.to;
  if (entry.action === 'complaint.status' && typeof from === 'string' && typeof to === 'string') {
    take('from');
    take('to');
    out.push(said('auditStatusChange', { from: names.status(from), to: names.status(to) }));
  } else if (entry.action === 'handoff.transfer' && typeof from === 'string' && typeof to === 'string') {
    take('from');
    take('to');
    out.push(said('auditTransfer', { from: names.centre(from), to: names.centre(to) }));
  }
  const added = take<number>('holidaysAdded');
  const removed = take<number>('holidaysRemoved');
  if (typeof added === 'number' || typeof removed === 'number') out.push(said('auditHolidays', { added: added ?? 0, removed: removed ?? 0 }));
  const count = take<number>('holidays');
  if (typeof count === 'number') out.push(said('auditHolidayCount', { count }));
  const weekly = take<boolean>('weeklyChanged');
  if (weekly === true) out.push(said('auditWeeklyChanged'));
  const fields = take<string>('fields');
  if (typeof fields === 'string' && fields) out.push(said('auditFields', { fields: fields.split(',').map(names.field).join(', ') }));
  const disabled = take<boolean>('disabled');
  if (disabled !== undefined) out.push(said(disabled ? 'auditDisabled' : 'auditEnabled'));
  const delivered = take<boolean>('delivered');
  if (delivered === false) out.push(said('auditUndelivered'));
  const role = take<string>('role');
  if (typeof role === 'string') out.push(said('auditRole', { role }));
  const complaint = take<string>('complaint');
  if (typeof complaint === 'string') out.push(said('auditComplaint', { number: complaint }));
  const officer = take<string>('from');
  if (entry.action === 'handoff.requeue' && typeof officer === 'string') out.push(said('auditRequeuedFrom', { id: officer }));
  else if (officer !== undefined) rest.from = officer;
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === null) continue;
    out.push(said('auditRaw', { key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) }));
  }
  return out;
}
