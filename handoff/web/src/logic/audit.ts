import { AUDIT_ACTIONS, type AuditAction } from '../../../../lib/auditActions';
import type { AuditEntry } from '../api/types';
import { readTrackingNumber, type TrackingNumberProblem } from './complaints';
import { type Said, said } from './text';

/** The audit log is read a page at a time: the service gives at most 200 entries a call. */
export const AUDIT_PAGE = 100;

/**
 * The target to filter by: a tracking number typed loosely (the complaint look-up's rule, the service's) as the log
 * writes it, a mistyped one said so rather than searched for, and any other target exactly as typed.
 */
export function auditTarget(typed: string): { target: string } | { problem: TrackingNumberProblem } {
  const trimmed = typed.trim();
  const read = readTrackingNumber(trimmed);
  if ('number' in read) return { target: read.number };
  return read.problem === 'trackingNumberMistyped' ? read : { target: trimmed };
}

/**
 * A conversation's key as the log's table shows it: channel and the start of the id ("directline/d8YvpRO…"), so
 * that a long random id neither widens the table nor breaks mid-id; the full key goes beside it (a title).
 */
export function shortKey(key: string): string {
  const slash = key.lastIndexOf('/');
  const id = key.slice(slash + 1);
  return id.length <= 10 ? key : `${key.slice(0, slash + 1)}${id.slice(0, 8)}…`;
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
 * An entry's details in words, from the structured details the service logs per action (ids and codes, never a
 * citizen's words): "status: received → in progress", "holidays: 2 added, 1 removed". `names` name the codes.
 */
export interface AuditNames {
  status(code: string): string;
  centre(code: string): string;
  field(name: string): string;
  role(code: string): string;
  ending(code: string): string;
}

/** An entry of an action this app knows (a newer service may write others). */
type KnownEntry = Extract<AuditEntry, { action: AuditAction }>;

function isKnown(entry: AuditEntry): entry is KnownEntry {
  return (AUDIT_ACTIONS as readonly string[]).includes(entry.action);
}

export function detailsSaid(entry: AuditEntry, names: AuditNames): Said[] {
  if (!isKnown(entry)) return rawDetails(entry);
  switch (entry.action) {
    case 'complaint.status':
      return entry.details ? [said('auditStatusChange', { from: names.status(entry.details.from), to: names.status(entry.details.to) })] : [];
    case 'handoff.transfer':
      return entry.details
        ? [said('auditTransfer', { from: names.centre(entry.details.from), to: names.centre(entry.details.to) }), ...(entry.details.note ? [said('auditWithNote')] : [])]
        : [];
    case 'handoff.reply':
      return entry.details?.delivered === false ? [said('auditUndelivered')] : [];
    case 'handoff.view':
      return entry.details?.complaint ? [said('auditComplaint', { number: entry.details.complaint })] : [];
    case 'content.officeHours': {
      const details = entry.details;
      if (!details) return [];
      const out: Said[] = [];
      if (details.weeklyChanged) out.push(said('auditWeeklyChanged'));
      if (details.holidays.added.length || details.holidays.removed.length) out.push(said('auditHolidays', { added: details.holidays.added.length, removed: details.holidays.removed.length }));
      return out;
    }
    case 'account.create':
      return entry.details ? [said('auditRole', { role: names.role(entry.details.role) }), ...(entry.details.centres.length ? [said('auditCentres', { centres: entry.details.centres.map(names.centre).join(', ') })] : [])] : [];
    case 'account.update': {
      const details = entry.details;
      if (!details) return [];
      const out: Said[] = [];
      if (details.role) out.push(said('auditRoleChange', { from: names.role(details.role.from), to: names.role(details.role.to) }));
      if (details.centres) out.push(said('auditCentresChange', { added: details.centres.added.map(names.centre).join(', ') || '–', removed: details.centres.removed.map(names.centre).join(', ') || '–' }));
      if (details.disabled !== undefined) out.push(said(details.disabled ? 'auditDisabled' : 'auditEnabled'));
      if (details.fields.includes('displayName')) out.push(said('auditFields', { fields: names.field('displayName') }));
      return out;
    }
    case 'account.settings':
      return entry.details ? [said('auditEnding', { ending: names.ending(entry.details.politeEnding) })] : [];
    default:
      return rawDetails(entry);
  }
}

/** Details of an action this app does not know (a newer service's): shown as they are logged, as text. */
function rawDetails(entry: AuditEntry): Said[] {
  const details = (entry as { details?: unknown }).details;
  if (!details || typeof details !== 'object') return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => said('auditRaw', { key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) }));
}
