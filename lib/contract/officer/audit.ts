import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction } from '../../auditActions';
import { complaintStatus } from './complaints';
import { epochMs } from './common';
import { politeEnding, role } from './session';

/**
 * The audit log, for admins. Each action's details say what changed in a structure the app puts into words
 * ("status: received → in progress", "holidays: 2 added, 1 removed"); they hold ids, codes and dates, never a
 * citizen's words or contact details.
 */

export { AUDIT_ACTIONS, type AuditAction };
export const auditAction = z.enum(AUDIT_ACTIONS);

const added = z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) });

/** Per action, the shape of its details; an action not listed has none. */
export const auditDetails = {
  'account.create': z.strictObject({ role, centres: z.array(z.string()) }),
  'account.update': z.strictObject({
    /** The fields the change named. */
    fields: z.array(z.enum(['displayName', 'role', 'centres', 'disabled'])),
    role: z.strictObject({ from: role, to: role }).optional(),
    centres: added.optional(),
    disabled: z.boolean().optional(),
  }),
  'account.settings': z.strictObject({ politeEnding }),
  'content.officeHours': z.strictObject({ holidays: added, weeklyChanged: z.boolean() }),
  'content.canned.create': z.strictObject({ id: z.string() }),
  'content.canned.update': z.strictObject({ id: z.string() }),
  'content.canned.delete': z.strictObject({ id: z.string() }),
  'complaint.status': z.strictObject({ from: complaintStatus, to: complaintStatus }),
  'handoff.view': z.strictObject({ complaint: z.string().optional() }),
  'handoff.reply': z.strictObject({ delivered: z.boolean() }),
  'handoff.transfer': z.strictObject({ from: z.string(), to: z.string(), note: z.boolean().optional() }),
  'handoff.requeue': z.strictObject({ from: z.string() }),
} satisfies Partial<Record<AuditAction, z.ZodType>>;

export type AuditDetails<A extends AuditAction> = A extends keyof typeof auditDetails ? z.infer<(typeof auditDetails)[A]> : never;

const entryBase = {
  id: z.string(),
  at: epochMs,
  /** An officer's id, `system`, or `anonymous` (a failed sign-in). */
  actor: z.string(),
  actorName: z.string().optional(),
  /** A conversation key, a tracking number, an account id, a content key. */
  target: z.string(),
  /** For `handoff.*`: the id to open the conversation by. */
  conversation: z.string().optional(),
};

function entryOf<A extends AuditAction>(action: A) {
  const details = (auditDetails as Partial<Record<AuditAction, z.ZodType>>)[action];
  return z.strictObject({ ...entryBase, action: z.literal(action), ...(details ? { details: details.optional() } : {}) });
}

const KNOWN: readonly string[] = AUDIT_ACTIONS;

/**
 * An entry of an action this version does not know (written by a newer one): shown as it is, details and all,
 * never hidden from the log.
 */
export const unknownAuditEntry = z.strictObject({
  ...entryBase,
  action: z.string().refine((action) => !KNOWN.includes(action)),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * One entry. For a known action, details written before they had a shape (older entries) are left out rather
 * than shown wrong; then the action alone is said.
 */
export const auditEntry = z.union([
  z.discriminatedUnion('action', AUDIT_ACTIONS.map((action) => entryOf(action)) as unknown as [ReturnType<typeof entryOf>, ...ReturnType<typeof entryOf>[]]),
  unknownAuditEntry,
]);
export type AuditEntryView =
  | { [A in AuditAction]: { id: string; at: number; actor: string; actorName?: string; target: string; conversation?: string; action: A; details?: AuditDetails<A> } }[AuditAction]
  | z.infer<typeof unknownAuditEntry>;

export const MAX_AUDIT_PAGE = 200;

/** `GET /audit?actor=&target=&before=&limit=`; each parameter at most once. */
export const auditQuery = z.object({
  actor: z.string().max(64).optional(),
  target: z.string().max(300).optional(),
  /** The id of the last entry already seen, to page back. */
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditResponse = z.strictObject({ entries: z.array(auditEntry) });
export type AuditResponse = { entries: AuditEntryView[] };
