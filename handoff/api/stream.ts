import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';
import { OFFICER_API, SESSION_COOKIE } from '../../lib/contract/officer';
import { readCookie } from '../../lib/http/cookies';
import { onUpgrade, refuseUpgrade } from '../../lib/http/upgrades';
import { scopeOf } from '../../lib/officers/accounts';
import type { Session } from '../../lib/officers/sessions';
import type { OfficerApiDependencies } from './context';

/** The realtime stream: `GET /stream` upgraded to a WebSocket, authenticated by the session cookie. */
export function streamRoute(server: Server, deps: OfficerApiDependencies): void {
  /** The scope a session has now, or undefined when it may no longer use the stream. */
  const streamScope = async (session: Session | undefined) => {
    const officer = session ? await deps.accounts.get(session.officerId) : undefined;
    return officer && !officer.mustChangePassword ? scopeOf(officer, deps.directory) : undefined;
  };

  const acceptStream = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, reason: string) => refuseUpgrade(socket, status, reason);
    // Browsers send cookies with cross-site WebSocket requests: only the service's own pages may open it.
    if (req.headers.origin !== deps.address.httpBase(req)) return refuse(403, 'Forbidden');
    const session = await deps.sessions.resume(readCookie(req, SESSION_COOKIE));
    const scope = await streamScope(session);
    if (!session || scope === undefined) return refuse(401, 'Unauthorized');
    if (!deps.hub.canAccept(session.key)) return refuse(429, 'Too Many Requests');
    deps.hub.accept(req, socket, head, {
      officerId: session.officerId,
      sessionKey: session.key,
      scope,
      recheck: async (attended) => streamScope(await (attended ? deps.sessions.touch(session.key) : deps.sessions.active(session.key))),
    });
  };

  onUpgrade(server.server, (pathname) => pathname === `${OFFICER_API}/stream`, acceptStream);
}
