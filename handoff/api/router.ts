import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { CSRF_HEADER, OFFICER_API, SESSION_COOKIE } from '../../lib/contract/officer';
import type { CentreDirectory } from '../../lib/centres';
import { jsonBody } from '../../lib/http/body';
import { readCookie } from '../../lib/http/cookies';
import { requestUrl } from '../../lib/http/requestUrl';
import { type Officer, type OfficerAccounts, scopeOf } from '../../lib/officers/accounts';
import { csrfMatches, type Session, type SessionStore } from '../../lib/officers/sessions';
import { adminsOnly, fromZod, invalid, officerError, unauthenticated } from './errors';

/**
 * The one place the officer API authenticates, checks CSRF, checks roles and validates requests. A route says who
 * may call it, the contract's schemas for its body and query, and the schema of its answer; its handler gets the
 * caller and the parsed input, and returns the answer's body, typed by that schema, so a route cannot drift from
 * the contract.
 */

/**
 * `public`: no session (signing in). `password-change`: any signed-in officer, even one who must still replace a
 * one-time password (the session, the password change, signing out). `officer`: a signed-in officer with their
 * own password. `admin`: the same, and an admin.
 */
export type Access = 'public' | 'password-change' | 'officer' | 'admin';

export interface Caller {
  officer: Officer;
  session: Session;
  scope: readonly string[] | 'all';
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'del';
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Answer<S> = S extends z.ZodType ? z.input<S> : void;

export interface Call<A extends Access, B, Q> {
  req: Request;
  res: Response;
  caller: A extends 'public' ? undefined : Caller;
  body: B;
  query: Q;
  params: Readonly<Record<string, string>>;
}

export interface RouteSpec<A extends Access, B extends z.ZodType | undefined, Q extends z.ZodType | undefined, R extends z.ZodType | undefined> {
  method: Method;
  /** Under OFFICER_API: `/conversations/:id/claim`. */
  path: string;
  access: A;
  /** The JSON body's schema; the body is read (at most `maxBytes`) only for routes that have one. */
  body?: B;
  query?: Q;
  /** The answer's schema; none for an empty answer (204). */
  response?: R;
  /** 200 unless said (201 for a creation; 204 for no answer body). */
  status?: number;
  maxBytes?: number;
  /** Reads a JSON body (into `req.body`) that the handler checks itself: sign-in checks it after its rate limits. */
  readsJson?: boolean;
  /** Instead of no-store: for answers that are neither personal nor a session's (the centre directory). */
  cacheControl?: string;
  /** For an admin-only route, what the refusal says they may not do ("manage accounts"). */
  adminAction?: string;
  handle(call: Call<A, Parsed<B>, Parsed<Q>>): Promise<Answer<R>>;
}

const DEFAULT_MAX_BYTES = 32 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** The query's parameters, each at most once (a repeated one is refused: which of them would count?). */
function queryOf(req: Request): Record<string, string> {
  const params = requestUrl(req)?.searchParams ?? new URLSearchParams();
  const result: Record<string, string> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (values.length > 1) throw invalid(name, 'count', `${name} may be given once`, 1);
    if (values[0] !== '') result[name] = values[0];
  }
  return result;
}

export class OfficerRouter {
  constructor(
    private readonly server: Server,
    private readonly deps: { accounts: OfficerAccounts; sessions: SessionStore; directory: CentreDirectory },
  ) {}

  /** The signed-in officer with their scope; CSRF checked for every method but GET. */
  async caller(req: Request, access: Exclude<Access, 'public'>, adminAction = 'may do that'): Promise<Caller> {
    const session = await this.deps.sessions.resume(readCookie(req, SESSION_COOKIE));
    if (!session) throw unauthenticated();
    const officer = await this.deps.accounts.get(session.officerId);
    if (!officer) throw unauthenticated();
    if (req.method !== 'GET' && !csrfMatches(session, req.header(CSRF_HEADER))) {
      throw officerError(403, 'csrf', `Send the ${CSRF_HEADER} header given at sign-in`);
    }
    if (officer.mustChangePassword && access !== 'password-change') throw officerError(403, 'password-change-required', 'Set a new password first');
    if (access === 'admin' && officer.role !== 'admin') throw adminsOnly(adminAction);
    return { officer, session, scope: scopeOf(officer, this.deps.directory) };
  }

  route<A extends Access, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, R extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<A, B, Q, R>,
  ): void {
    const handler = async (req: Request, res: Response) => {
      const caller = spec.access === 'public' ? undefined : await this.caller(req, spec.access as Exclude<Access, 'public'>, spec.adminAction);
      let query: unknown;
      if (spec.query) {
        const parsed = spec.query.safeParse(queryOf(req));
        if (!parsed.success) throw fromZod(parsed.error);
        query = parsed.data;
      }
      let body: unknown;
      if (spec.body) {
        if (!isPlainObject(req.body)) throw invalid('body', req.body === undefined ? 'required' : 'type', 'The body must be a JSON object');
        const parsed = spec.body.safeParse(req.body);
        if (!parsed.success) throw fromZod(parsed.error);
        body = parsed.data;
      }
      const answer = await spec.handle({
        req,
        res,
        caller: caller as Call<A, Parsed<B>, Parsed<Q>>['caller'],
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        params: (req.params ?? {}) as Record<string, string>,
      });
      // Everything here is personal data or a session's: never kept by a cache.
      res.setHeader('cache-control', spec.cacheControl ?? 'no-store');
      const status = spec.status ?? (spec.response ? 200 : 204);
      if (spec.response) res.send(status, answer);
      else res.send(status);
    };
    const path = `${OFFICER_API}${spec.path}`;
    const register = this.server[spec.method].bind(this.server) as (path: string, ...handlers: unknown[]) => void;
    if (spec.body || spec.readsJson) register(path, ...jsonBody(spec.maxBytes ?? DEFAULT_MAX_BYTES), handler);
    else register(path, handler);
  }
}
