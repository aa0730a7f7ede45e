import type { Request } from 'restify';
import {
  passwordChangeRequest,
  SESSION_COOKIE,
  sessionResponse,
  settingsRequest,
  settingsResponse,
  signInRequest,
} from '../../lib/contract/officer';
import { clientNetwork } from '../../lib/clientNetwork';
import { FailureBackoff } from '../../lib/failureBackoff';
import { cookie, readCookie } from '../../lib/http/cookies';
import { clientAddress } from '../../lib/http/publicAddress';
import { AccountRefusal } from '../../lib/officers/accounts';
import { Credentials } from '../../lib/officers/credentials';
import { passwordLimit, type PasswordProblem } from '../../lib/officers/passwordRules';
import { RateLimiter } from '../../lib/rateLimit';
import { SESSION_ENDED } from '../hub';
import type { ResourceContext } from './context';
import { fromZod, invalid, officerError, unauthenticated } from './errors';
import { officerView, sessionView } from './views';

/** Wrong passwords from one network: five cost no wait; then the next attempt waits 1 s, twice as long after each further one, up to 15 min. */
const SIGN_IN_BACKOFF = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 24 * 60 * 60 * 1000 };

/** Sessions: sign in, the page's reload, sign out, the officer's own password and settings. */
export function sessionRoutes({ deps, router, now }: ResourceContext): void {
  // Per client network: every attempt costs a password hash, so attempts are bounded whatever their outcome,
  // and wrong passwords slow the network down further (docs/operations.md, "Lock-out").
  const signInLimiter = new RateLimiter({ capacity: 10, perSecond: 1 / 30 }, now);
  const signInBackoff = new FailureBackoff(SIGN_IN_BACKOFF, now);
  const credentials = new Credentials(deps.accounts, deps.sessions);
  const secure = (req: Request) => deps.address.httpBase(req).startsWith('https:');

  router.route({
    method: 'post',
    path: '/session',
    access: 'public',
    response: sessionResponse,
    readsJson: true,
    handle: async ({ req, res }) => {
      const network = clientNetwork(clientAddress(req, deps.address.trustedHops));
      const waitMs = signInBackoff.waitMs(network);
      if (waitMs > 0) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        res.setHeader('retry-after', String(seconds));
        throw officerError(429, 'locked-out', `Too many wrong passwords from this network; try again in ${seconds} seconds`, { until: new Date(now() + waitMs).toISOString(), retryAfter: seconds });
      }
      if (!signInLimiter.take(network)) {
        const seconds = Math.max(1, signInLimiter.retryAfterSeconds(network));
        res.setHeader('retry-after', String(seconds));
        throw officerError(429, 'rate-limited', `Too many sign-in attempts from this network; try again in ${seconds} seconds`, { retryAfter: seconds });
      }
      // Validated after the limits: a malformed attempt costs an attempt too.
      const parsed = signInRequest.safeParse(req.body);
      if (!parsed.success) throw fromZod(parsed.error);
      const { username, password } = parsed.data;
      const result = await deps.accounts.signIn(username, password, network);
      if (!result.ok) {
        signInBackoff.failed(network);
        await deps.audit.record('anonymous', result.reason === 'locked' ? 'session.locked' : 'session.failed', username.toLowerCase().slice(0, 64));
        // One answer for an unknown name, a wrong password, a disabled or a locked account: none of them tells a
        // stranger which names exist, or that they managed to lock one.
        throw officerError(401, 'invalid-credentials', 'Wrong username or password');
      }
      signInBackoff.succeeded(network);
      const { sessionId, session } = await deps.sessions.start(result.officer._id);
      await deps.audit.record(result.officer._id, 'session.start', result.officer._id);
      res.setHeader('set-cookie', cookie(SESSION_COOKIE, sessionId, { path: '/', secure: secure(req) }));
      return sessionView(result.officer, session, deps);
    },
  });

  router.route({
    method: 'get',
    path: '/session',
    access: 'password-change',
    response: sessionResponse,
    handle: async ({ caller }) => sessionView(caller.officer, caller.session, deps),
  });

  router.route({
    method: 'del',
    path: '/session',
    access: 'password-change',
    handle: async ({ req, res, caller }) => {
      await deps.sessions.end(readCookie(req, SESSION_COOKIE));
      // This session's sockets only: the officer may be signed in elsewhere too.
      deps.hub.endSession(caller.session.key);
      await deps.audit.record(caller.officer._id, 'session.end', caller.officer._id);
      res.setHeader('set-cookie', cookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, secure: secure(req) }));
    },
  });

  router.route({
    method: 'post',
    path: '/password',
    access: 'password-change',
    body: passwordChangeRequest,
    handle: async ({ caller, body }) => {
      try {
        await credentials.change(caller.officer._id, body.current, body.next, caller.session.key);
      } catch (error) {
        if (error instanceof AccountRefusal) throw invalid(error.field, error.rule, error.message, passwordLimit(error.rule as PasswordProblem));
        throw error;
      }
      // Every other session of the account has ended: their sockets close now, this one's stay.
      deps.hub.disconnect(caller.officer._id, SESSION_ENDED, caller.session.key);
      await deps.audit.record(caller.officer._id, 'account.password', caller.officer._id);
    },
  });

  router.route({
    method: 'patch',
    path: '/settings',
    access: 'officer',
    body: settingsRequest,
    response: settingsResponse,
    handle: async ({ caller, body }) => {
      const updated = await deps.accounts.setPoliteEnding(caller.officer._id, body.politeEnding);
      if (!updated) throw unauthenticated();
      await deps.audit.record(caller.officer._id, 'account.settings', caller.officer._id, { politeEnding: body.politeEnding });
      return { officer: officerView(updated) };
    },
  });
}
