/**
 * Every action the audit log records (lib/audit.ts). Browser-safe: the officer app puts each into words from
 * this same list (through lib/contract/officer/audit.ts).
 */
export const AUDIT_ACTIONS = [
  'session.start',
  'session.end',
  'session.failed',
  'session.locked',
  'account.password',
  'account.create',
  'account.update',
  'account.resetPassword',
  'account.settings',
  'content.officeHours',
  'content.canned.create',
  'content.canned.update',
  'content.canned.delete',
  'complaint.status',
  'complaint.view',
  'handoff.view',
  'handoff.claim',
  'handoff.reply',
  'handoff.note',
  'handoff.transfer',
  'handoff.close',
  'handoff.idleClose',
  'handoff.answeredClose',
  'handoff.requeue',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
