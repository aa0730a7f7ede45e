import { auditEntry, auditQuery, auditResponse } from '../../lib/contract/officer';
import { idOf } from '../conversationIds';
import type { ResourceContext } from './context';

/** The audit log, for admins: newest first, by officer or by target, paged back by the last id seen. */
export function auditRoutes({ deps, router }: ResourceContext): void {
  router.route({
    method: 'get',
    path: '/audit',
    access: 'admin',
    adminAction: 'read the audit log',
    query: auditQuery,
    response: auditResponse,
    handle: async ({ query }) => {
      const { actor, target, before, limit } = query;
      const entries = await deps.audit.recent({ ...(actor ? { actor } : {}), ...(target ? { target } : {}), ...(before ? { before } : {}) }, limit);
      const names = new Map<string, string | undefined>();
      for (const entry of entries) if (!names.has(entry.actor)) names.set(entry.actor, await deps.accounts.displayName(entry.actor));
      return {
        entries: entries.flatMap((entry) => {
          const actorName = names.get(entry.actor);
          const shown = {
            id: entry._id,
            at: entry.at,
            actor: entry.actor,
            ...(actorName ? { actorName } : {}),
            action: entry.action,
            target: entry.target,
            // A conversation's key, as the id the app opens it by.
            ...(entry.action.startsWith('handoff.') ? { conversation: idOf(entry.target) } : {}),
          };
          // Details written before they had a shape (older entries) are left out rather than shown wrong.
          const withDetails = entry.details ? auditEntry.safeParse({ ...shown, details: entry.details }) : undefined;
          if (withDetails?.success) return [withDetails.data];
          const plain = auditEntry.safeParse(shown);
          return plain.success ? [plain.data] : [];
        }),
      };
    },
  });
}
