import type { Server } from 'restify';
import { accountRoutes } from './accounts';
import { auditRoutes } from './audit';
import { cannedRoutes } from './canned';
import { centreRoutes } from './centres';
import { complaintRoutes } from './complaints';
import type { OfficerApiDependencies, ResourceContext } from './context';
import { conversationRoutes } from './conversations';
import { officeHoursRoutes } from './officeHours';
import { OfficerRouter } from './router';
import { sessionRoutes } from './session';
import { streamRoute } from './stream';

/**
 * The officer API (docs/officer-api.md; its bodies: lib/contract/officer): sessions with CSRF tokens, the queue
 * and conversations of the officer's scope, claim / reply / note / transfer / close, complaint records and status
 * changes, canned answers, accounts and the audit log for admins, the centre directory, and the realtime stream.
 * One module per resource; authentication, CSRF, roles and request validation happen once, in the router.
 * Outside an officer's scope everything answers as if it did not exist. Every action is audited.
 */

export { OFFICER_API, SESSION_COOKIE } from '../../lib/contract/officer';
export type { OfficerApiDependencies } from './context';
export { officerErrors } from './errors';

export function officerApiRoutes(deps: OfficerApiDependencies) {
  return (server: Server): void => {
    const context: ResourceContext = { deps, router: new OfficerRouter(server, deps), now: deps.now ?? Date.now };
    streamRoute(server, deps);
    sessionRoutes(context);
    conversationRoutes(context);
    complaintRoutes(context);
    officeHoursRoutes(context);
    cannedRoutes(context);
    centreRoutes(context);
    accountRoutes(context);
    auditRoutes(context);
  };
}
