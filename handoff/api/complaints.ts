import { complaintResponse, statusChangeRequest, statusChangeResponse } from '../../lib/contract/officer';
import { textMessage } from '../../cards/activity';
import type { ResourceContext } from './context';
import { notFound } from './errors';
import { complaintInScope, complaintView } from './views';

/** Complaint records in the officer's scope, and their status. */
export function complaintRoutes({ deps, router }: ResourceContext): void {
  router.route({
    method: 'get',
    path: '/complaints/:number',
    access: 'officer',
    response: complaintResponse,
    handle: async ({ req, caller, params }) => {
      const complaint = await deps.complaints.get(params.number);
      if (!complaint || !complaintInScope(complaint, caller.scope)) throw notFound('complaint');
      await deps.audit.record(caller.officer._id, 'complaint.view', complaint._id);
      return { complaint: complaintView(complaint, req, deps) };
    },
  });

  router.route({
    method: 'post',
    path: '/complaints/:number/status',
    access: 'officer',
    body: statusChangeRequest,
    response: statusChangeResponse,
    handle: async ({ req, caller, params, body }) => {
      const existing = await deps.complaints.get(params.number);
      if (!existing || !complaintInScope(existing, caller.scope)) throw notFound('complaint');
      const updated = await deps.complaints.changeStatus(existing._id, body.status, body.note, caller.officer._id);
      if (!updated) throw notFound('complaint');
      await deps.audit.record(caller.officer._id, 'complaint.status', updated._id, { from: existing.status, to: updated.status });
      const lang = updated.lang;
      // The citizen hears about it on their channel; Web Chat shows it when they come back.
      const outcome = await deps.deliverer.deliver(updated.conversation, [
        textMessage(`${deps.content.get(lang, 'complaint.statusChanged', { number: updated._id, status: deps.content.get(lang, `status.${updated.status}`) })}\n\n${body.note}`),
      ]);
      // The change stands either way; the officer is told whether the citizen heard about it.
      return { complaint: complaintView(updated, req, deps), notified: outcome.delivered };
    },
  });
}
