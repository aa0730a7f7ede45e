import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import type { CentreDirectory } from '../lib/centres';
import type { AuditLog } from '../lib/audit';
import { checkLink } from '../lib/complaints/fields';
import { parseCalendar } from '../lib/handoff/officeHours';
import type { ComplaintService } from '../lib/complaints/service';
import { COMPLAINT_STATUSES, type ComplaintDocument, type ComplaintStatus } from '../lib/complaints/types';
import type { ContentService } from '../lib/content/service';
import type { FileStore } from '../lib/files/fileStore';
import { clientNetwork } from '../lib/clientNetwork';
import { FailureBackoff } from '../lib/failureBackoff';
import { fileOfLink } from '../lib/files/links';
import { type AccountChange, type Officer, type OfficerAccounts, ROLES, type Role, scopeOf } from '../lib/officers/accounts';
import { Credentials } from '../lib/officers/credentials';
import { csrfMatches, type Session, type SessionStore } from '../lib/officers/sessions';
import { RateLimiter } from '../lib/rateLimit';
import { textMessage } from '../cards/activity';
import { conversationKey } from '../lib/conversationKey';
import { quotaExceeded, readUpload } from '../lib/http/upload';
import { jsonBody, readJsonBody } from '../lib/http/body';
import { cookie, readCookie } from '../lib/http/cookies';
import { HttpError } from '../lib/http/errors';
import { onUpgrade, refuseUpgrade } from '../lib/http/upgrades';
import { clientAddress, type PublicAddress } from '../lib/http/publicAddress';
import { linkAllowed } from './attachments';
import type { Deliverer } from './delivery';
import { ACCOUNT_CHANGED, type OfficerHub, SESSION_ENDED } from './hub';
import { type ActionResult, type HandoffService, idOf, keyOf } from './service';

/**
 * The officer API (docs/officer-api.md): sessions with CSRF tokens, the queue and conversations of the
 * officer's scope, claim / reply / transfer / close, complaint records and status changes, canned answers,
 * accounts for admins, and the realtime stream. Outside an officer's scope everything answers as if it did not
 * exist. Every action is audited.
 */

export const OFFICER_API = '/api/officer';
export const SESSION_COOKIE = 'ddb_officer';
const MAX_REPLY_LENGTH = 4000;

export interface OfficerApiDependencies {
  accounts: OfficerAccounts;
  sessions: SessionStore;
  handoffs: HandoffService;
  complaints: ComplaintService;
  content: ContentService;
  directory: CentreDirectory;
  files: FileStore;
  hub: OfficerHub;
  deliverer: Deliverer;
  audit: AuditLog;
  address: PublicAddress;
  /** Builds a same-origin link to an uploaded file that carries its own token. */
  /** A link to an uploaded file: for the officer making the request, or, given a conversation reference, for its citizen. */
  fileUrl: (req: Request, conversationId: string, fileId: string, citizen?: { channelId?: string; serviceUrl?: string }) => string;
  now?: () => number;
}

interface Caller {
  officer: Officer;
  session: Session;
  scope: readonly string[] | 'all';
}

function officerView(officer: Officer) {
  return { id: officer._id, username: officer.username, displayName: officer.displayName, role: officer.role, centres: officer.centres, mustChangePassword: officer.mustChangePassword, disabled: officer.disabled };
}

function body(req: Request): Record<string, unknown> {
  const value = req.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value)) {
    throw new HttpError(400, 'BadArgument', 'The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, name: string, max: number, required = true): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw new HttpError(400, 'BadArgument', `${name} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new HttpError(400, 'BadArgument', `${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length === 0 && required) throw new HttpError(400, 'BadArgument', `${name} is required`);
  if (trimmed.length > max) throw new HttpError(400, 'BadArgument', `${name} is longer than ${max} characters`);
  return trimmed;
}

function failed(result: Extract<ActionResult<unknown>, { ok: false }>): HttpError {
  switch (result.reason) {
    case 'not-found':
      return new HttpError(404, 'NotFound', 'No such conversation');
    case 'conflict':
      return new HttpError(409, 'AlreadyClaimed', 'Another officer acted on this conversation first');
    case 'not-yours':
      return new HttpError(409, 'NotYours', 'Claim the conversation before replying');
    case 'unknown-centre':
      return new HttpError(400, 'UnknownCentre', 'No centre has that code');
  }
}

/** Wrong passwords from one network: five cost no wait; then the next attempt waits 1 s, twice as long after each further one, up to 15 min. */
const SIGN_IN_BACKOFF = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 24 * 60 * 60 * 1000 };

export function officerApiRoutes(deps: OfficerApiDependencies) {
  const now = deps.now ?? Date.now;
  // Per client network: every attempt costs a password hash, so attempts are bounded whatever their outcome,
  // and wrong passwords slow the network down further (docs/operations.md, "Lock-out").
  const signInLimiter = new RateLimiter({ capacity: 10, perSecond: 1 / 30 }, now);
  const signInBackoff = new FailureBackoff(SIGN_IN_BACKOFF, now);
  const json = jsonBody(32 * 1024);
  const credentials = new Credentials(deps.accounts, deps.sessions);

  const secure = (req: Request) => deps.address.httpBase(req).startsWith('https:');

  /** The signed-in officer, with their scope; CSRF checked for anything but GET. */
  const caller = async (req: Request, options: { allowPasswordChange?: boolean } = {}): Promise<Caller> => {
    const session = await deps.sessions.resume(readCookie(req, SESSION_COOKIE));
    if (!session) throw new HttpError(401, 'NotSignedIn', 'Sign in first');
    const officer = await deps.accounts.get(session.officerId);
    if (!officer) throw new HttpError(401, 'NotSignedIn', 'Sign in first');
    if (req.method !== 'GET' && !csrfMatches(session, req.header('x-csrf-token'))) {
      throw new HttpError(403, 'CsrfTokenMissing', 'Send the x-csrf-token header given at sign-in');
    }
    if (officer.mustChangePassword && !options.allowPasswordChange) {
      throw new HttpError(403, 'PasswordChangeRequired', 'Set a new password first');
    }
    return { officer, session, scope: scopeOf(officer, deps.directory) };
  };

  /** Centre codes from an account edit: strings only, at most 100, each one a centre of the directory. */
  const centresFrom = (value: unknown): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length > 100 || value.some((code) => typeof code !== 'string' || code.length > 16)) {
      throw new HttpError(400, 'BadArgument', 'centres must be a list of at most 100 centre codes');
    }
    const codes = (value as string[]).map((code) => code.trim()).filter((code) => code !== '');
    const unknown = codes.filter((code) => !deps.directory.centre(code));
    if (unknown.length > 0) throw new HttpError(400, 'UnknownCentre', `Unknown centre codes: ${unknown.slice(0, 20).join(', ')}`);
    return codes;
  };

  const complaintInScope = (complaint: ComplaintDocument, scope: readonly string[] | 'all') =>
    scope === 'all' || (complaint.destination.kind === 'centre' && scope.includes(complaint.destination.code));

  const complaintView = (complaint: ComplaintDocument, req: Request) => {
    const category = deps.content.category(complaint.categoryId);
    const destinationName = (lang: 'th' | 'en') => {
      try {
        return deps.directory.describeDestination(complaint.destination, lang);
      } catch {
        return complaint.destination.code;
      }
    };
    return {
      number: complaint._id,
      status: complaint.status,
      categoryId: complaint.categoryId,
      category: category ? category.label : { th: complaint.categoryId, en: complaint.categoryId },
      destination: { ...complaint.destination, name: { th: destinationName('th'), en: destinationName('en') } },
      subject: complaint.subject,
      description: complaint.description,
      // A photo's link is the same citizen input a message's is (handoff/attachments.ts), and the photo is kept as
      // long as its complaint (lib/files/retention.ts), longer than the token in its stored link: a fresh one is made.
      attachments: complaint.attachments.map((attachment) => {
        if (attachment.kind !== 'image') return attachment;
        if (!linkAllowed(conversationKey(complaint.conversation), attachment.url)) return { kind: attachment.kind, contentType: attachment.contentType, ...(attachment.name ? { name: attachment.name } : {}) };
        const file = fileOfLink(attachment.url);
        return file ? { ...attachment, url: deps.fileUrl(req, file.conversationId, file.fileId) } : attachment;
      }),
      incident: complaint.incident,
      contact: complaint.contact.anonymous
        ? { anonymous: true }
        : {
            anonymous: false,
            name: complaint.contact.name,
            phone: complaint.contact.phone,
            ...(complaint.contact.email ? { email: complaint.contact.email } : {}),
            ...(complaint.contact.nationalIdMasked ? { nationalIdMasked: complaint.contact.nationalIdMasked } : {}),
          },
      lang: complaint.lang,
      createdAt: complaint.createdAt,
      updatedAt: complaint.updatedAt,
      timeline: complaint.timeline.map(({ at, status, note, by }) => ({ at, status, ...(note ? { note } : {}), by })),
    };
  };

  const sessionBody = (officer: Officer, session: Session) => ({ officer: officerView(officer), csrfToken: session.csrfToken, scope: scopeOf(officer, deps.directory) });

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

  return (server: Server): void => {
    onUpgrade(server.server, (pathname) => pathname === `${OFFICER_API}/stream`, acceptStream);

    server.post(`${OFFICER_API}/session`, json, async (req: Request, res: Response) => {
      const network = clientNetwork(clientAddress(req, deps.address.trustedHops));
      const waitMs = signInBackoff.waitMs(network);
      if (waitMs > 0 || !signInLimiter.take(network)) {
        const seconds = Math.max(1, waitMs > 0 ? Math.ceil(waitMs / 1000) : signInLimiter.retryAfterSeconds(network));
        res.setHeader('retry-after', String(seconds));
        throw new HttpError(429, 'TooManyRequests', `Too many sign-in attempts from this network; try again in ${seconds} seconds`);
      }
      const input = body(req);
      const username = text(input.username, 'username', 64) as string;
      const password = text(input.password, 'password', 256) as string;
      const result = await deps.accounts.signIn(username, password, network);
      if (!result.ok) {
        signInBackoff.failed(network);
        await deps.audit.record('anonymous', result.reason === 'locked' ? 'session.locked' : 'session.failed', username.toLowerCase().slice(0, 64));
        // One answer for an unknown name, a wrong password, a disabled or a locked account: none of them tells a
        // stranger which names exist, or that they managed to lock one.
        throw new HttpError(401, 'InvalidCredentials', 'Wrong username or password');
      }
      signInBackoff.succeeded(network);
      const { sessionId, session } = await deps.sessions.start(result.officer._id);
      await deps.audit.record(result.officer._id, 'session.start', result.officer._id);
      res.setHeader('set-cookie', cookie(SESSION_COOKIE, sessionId, { path: '/', secure: secure(req) }));
      res.setHeader('cache-control', 'no-store');
      res.send(200, sessionBody(result.officer, session));
    });

    server.get(`${OFFICER_API}/session`, async (req: Request, res: Response) => {
      const { officer, session } = await caller(req, { allowPasswordChange: true });
      res.setHeader('cache-control', 'no-store');
      res.send(200, sessionBody(officer, session));
    });

    server.del(`${OFFICER_API}/session`, async (req: Request, res: Response) => {
      const { officer, session } = await caller(req, { allowPasswordChange: true });
      await deps.sessions.end(readCookie(req, SESSION_COOKIE));
      // This session's sockets only: the officer may be signed in elsewhere too.
      deps.hub.endSession(session.key);
      await deps.audit.record(officer._id, 'session.end', officer._id);
      res.setHeader('set-cookie', cookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, secure: secure(req) }));
      res.send(204);
    });

    server.post(`${OFFICER_API}/password`, json, async (req: Request, res: Response) => {
      const { officer, session } = await caller(req, { allowPasswordChange: true });
      const input = body(req);
      try {
        await credentials.change(officer._id, text(input.current, 'current', 256) as string, text(input.next, 'next', 256) as string, session.key);
      } catch (error) {
        if (error instanceof Error && (error as { code?: string }).code === 'ACCOUNT_INVALID') throw new HttpError(400, 'PasswordRefused', error.message);
        throw error;
      }
      // Every other session of the account has ended: their sockets close now, this one's stay.
      deps.hub.disconnect(officer._id, SESSION_ENDED, session.key);
      await deps.audit.record(officer._id, 'account.password', officer._id);
      res.send(204);
    });

    server.get(`${OFFICER_API}/queue`, async (req: Request, res: Response) => {
      const { scope } = await caller(req);
      res.setHeader('cache-control', 'no-store');
      res.send(200, { items: await deps.handoffs.queue(scope) });
    });

    server.get(`${OFFICER_API}/centres`, async (req: Request, res: Response) => {
      await caller(req);
      res.setHeader('cache-control', 'private, max-age=3600');
      res.send(200, { centres: deps.directory.centres().map((centre) => ({ code: centre.code, kind: centre.kind, name: { th: centre.nameTh, en: centre.nameEn } })) });
    });

    server.get(`${OFFICER_API}/conversations/:id`, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const found = await deps.handoffs.conversation(req.params.id, scope);
      if (!found) throw new HttpError(404, 'NotFound', 'No such conversation');
      const complaint = found.handoff.complaintId ? await deps.complaints.get(found.handoff.complaintId) : undefined;
      const shown = complaint && complaintInScope(complaint, scope) ? complaint : undefined;
      // Reading a conversation (and the complaint beside it) is reading personal data: it is logged like an action.
      await deps.audit.record(officer._id, 'handoff.view', found.handoff._id, shown ? { complaint: shown._id } : undefined);
      res.setHeader('cache-control', 'no-store');
      res.send(200, { item: found.item, messages: found.messages, ...(shown ? { complaint: complaintView(shown, req) } : {}) });
    });

    server.post(`${OFFICER_API}/conversations/:id/claim`, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const result = await deps.handoffs.claim(officer, req.params.id, scope);
      if (!result.ok) throw failed(result);
      res.send(200, { item: result.value });
    });

    server.post(`${OFFICER_API}/conversations/:id/messages`, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const key = keyOf(req.params.id);
      if (!key) throw new HttpError(404, 'NotFound', 'No such conversation');
      // Before the body is read: a photo for a conversation outside the officer's scope, or not theirs, is never stored.
      const allowed = await deps.handoffs.mayReply(officer, req.params.id, scope);
      if (!allowed.ok) throw failed(allowed);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      let replyText: string | undefined;
      const attachments: Array<{ contentType: string; url?: string; name?: string }> = [];
      if (type.startsWith('multipart/form-data') || type.startsWith('image/')) {
        const upload = await readUpload(req);
        // The officer app sends the caption as a `text` field; an API client may use an `activity` part as Direct Line does.
        const caption = upload.text ?? ((upload.activity ?? {}) as { text?: unknown }).text;
        replyText = text(caption, 'text', MAX_REPLY_LENGTH, false);
        const conversationId = key.slice(key.indexOf('/') + 1);
        // An officer's photo counts against the overall quota, not the citizen's quota of the conversation.
        const saved = await deps.files.saveAll(conversationId, upload.files.slice(0, 1), 'officer');
        if (!saved.ok) throw quotaExceeded(saved.refusal);
        for (const stored of saved.files) {
          attachments.push({ contentType: stored.contentType, url: deps.fileUrl(req, conversationId, stored._id, allowed.value.conversation), name: stored.name });
        }
      } else {
        if (!type.startsWith('application/json')) throw new HttpError(415, 'UnsupportedMediaType', 'Send JSON, or an image as multipart/form-data');
        const parsed = await readJsonBody(req, 32 * 1024);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'BadArgument', 'The body must be a JSON object');
        const input = parsed as Record<string, unknown>;
        replyText = text(input.text, 'text', MAX_REPLY_LENGTH, input.link === undefined);
        if (input.link !== undefined) {
          const link = checkLink(String(input.link));
          if (!link.ok) throw new HttpError(400, 'BadArgument', 'link must be an http(s) URL');
          replyText = replyText ? `${replyText}\n${link.url}` : link.url;
        }
      }
      if (!replyText && attachments.length === 0) throw new HttpError(400, 'BadArgument', 'A reply needs text, a link or an image');
      const result = await deps.handoffs.reply(officer, req.params.id, scope, { ...(replyText ? { text: replyText } : {}), attachments });
      if (!result.ok) throw failed(result);
      res.send(200, { message: result.value });
    });

    server.post(`${OFFICER_API}/conversations/:id/transfer`, json, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const centreCode = text(body(req).centreCode, 'centreCode', 16) as string;
      const result = await deps.handoffs.transfer(officer, req.params.id, scope, centreCode);
      if (!result.ok) throw failed(result);
      res.send(200, { item: result.value });
    });

    server.post(`${OFFICER_API}/conversations/:id/close`, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const result = await deps.handoffs.close(officer, req.params.id, scope);
      if (!result.ok) throw failed(result);
      res.send(200, { item: result.value });
    });

    server.get(`${OFFICER_API}/office-hours`, async (req: Request, res: Response) => {
      await caller(req);
      const hours = deps.handoffs.officeHours();
      const at = now();
      res.setHeader('cache-control', 'no-store');
      res.send(200, { calendar: deps.content.officeHours(), openNow: hours.isOpen(at), nextOpening: hours.nextOpening(at) ?? null });
    });

    server.put(`${OFFICER_API}/office-hours`, json, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins change office hours');
      let calendar;
      try {
        calendar = parseCalendar(body(req));
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw new HttpError(400, 'BadArgument', (error as Error).message);
      }
      await deps.content.setOfficeHours(calendar, officer._id);
      await deps.audit.record(officer._id, 'content.officeHours', 'officeHours', { holidays: calendar.holidays.length });
      res.send(200, { calendar: deps.content.officeHours() });
    });

    server.get(`${OFFICER_API}/canned`, async (req: Request, res: Response) => {
      await caller(req);
      res.send(200, { answers: deps.content.canned() });
    });

    server.get(`${OFFICER_API}/complaints/:number`, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const complaint = await deps.complaints.get(req.params.number);
      if (!complaint || !complaintInScope(complaint, scope)) throw new HttpError(404, 'NotFound', 'No such complaint');
      await deps.audit.record(officer._id, 'complaint.view', complaint._id);
      res.setHeader('cache-control', 'no-store');
      res.send(200, { complaint: complaintView(complaint, req) });
    });

    server.post(`${OFFICER_API}/complaints/:number/status`, json, async (req: Request, res: Response) => {
      const { officer, scope } = await caller(req);
      const input = body(req);
      const status = input.status;
      if (typeof status !== 'string' || !(COMPLAINT_STATUSES as readonly string[]).includes(status)) {
        throw new HttpError(400, 'BadArgument', `status must be one of ${COMPLAINT_STATUSES.join(', ')}`);
      }
      const note = text(input.note, 'note', 1000) as string;
      const existing = await deps.complaints.get(req.params.number);
      if (!existing || !complaintInScope(existing, scope)) throw new HttpError(404, 'NotFound', 'No such complaint');
      const updated = await deps.complaints.changeStatus(existing._id, status as ComplaintStatus, note, officer._id);
      if (!updated) throw new HttpError(404, 'NotFound', 'No such complaint');
      await deps.audit.record(officer._id, 'complaint.status', updated._id, { from: existing.status, to: updated.status });
      const lang = updated.lang;
      // The citizen hears about it on their channel; Web Chat shows it when they come back.
      const outcome = await deps.deliverer.deliver(updated.conversation, [
        textMessage(`${deps.content.get(lang, 'complaint.statusChanged', { number: updated._id, status: deps.content.get(lang, `status.${updated.status}`) })}\n\n${note}`),
      ]);
      // The change stands either way; the officer is told whether the citizen heard about it.
      res.send(200, { complaint: complaintView(updated, req), notified: outcome.delivered });
    });

    server.get(`${OFFICER_API}/officers`, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins manage accounts');
      res.send(200, { officers: (await deps.accounts.list()).map(officerView) });
    });

    server.post(`${OFFICER_API}/officers`, json, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins manage accounts');
      const input = body(req);
      const role = input.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new HttpError(400, 'BadArgument', `role must be one of ${ROLES.join(', ')}`);
      const centres = centresFrom(input.centres) ?? [];
      try {
        const { officer: created, password } = await deps.accounts.createWithOneTimePassword({
          username: text(input.username, 'username', 32) as string,
          displayName: text(input.displayName, 'displayName', 100) as string,
          role: role as Role,
          centres,
        });
        await deps.audit.record(officer._id, 'account.create', created._id, { role: created.role });
        res.send(201, { officer: officerView(created), password });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'STORE_DUPLICATE_KEY') throw new HttpError(409, 'UsernameTaken', 'That username is taken');
        if (code === 'ACCOUNT_INVALID') throw new HttpError(400, 'BadArgument', (error as Error).message);
        throw error;
      }
    });

    server.get(`${OFFICER_API}/audit`, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins read the audit log');
      const query = new URL(req.url ?? '', 'http://localhost').searchParams;
      const one = (name: string, max: number) => {
        const values = query.getAll(name);
        if (values.length === 0 || (values.length === 1 && values[0] === '')) return undefined;
        if (values.length > 1 || values[0].length > max) throw new HttpError(400, 'BadArgument', `${name} must be one value of at most ${max} characters`);
        return values[0];
      };
      const number = (name: string, min: number, max: number) => {
        const value = one(name, 16);
        if (value === undefined) return undefined;
        const parsed = Number(value);
        if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new HttpError(400, 'BadArgument', `${name} must be a whole number from ${min} to ${max}`);
        return parsed;
      };
      const actor = one('actor', 64);
      const target = one('target', 300);
      const before = one('before', 64);
      const limit = number('limit', 1, 200) ?? 100;
      const entries = await deps.audit.recent({ ...(actor ? { actor } : {}), ...(target ? { target } : {}), ...(before ? { before } : {}) }, limit);
      const names = new Map<string, string | undefined>();
      for (const entry of entries) if (!names.has(entry.actor)) names.set(entry.actor, await deps.accounts.displayName(entry.actor));
      res.setHeader('cache-control', 'no-store');
      res.send(200, {
        entries: entries.map((entry) => ({
          id: entry._id,
          at: entry.at,
          actor: entry.actor,
          ...(names.get(entry.actor) ? { actorName: names.get(entry.actor) } : {}),
          action: entry.action,
          target: entry.target,
          // A conversation's key, as the id the app opens it by.
          ...(entry.action.startsWith('handoff.') ? { conversation: idOf(entry.target) } : {}),
          ...(entry.details ? { details: entry.details } : {}),
        })),
      });
    });

    server.patch(`${OFFICER_API}/officers/:id`, json, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins manage accounts');
      const input = body(req);
      const change: AccountChange = {};
      if (input.displayName !== undefined) change.displayName = text(input.displayName, 'displayName', 100) as string;
      if (input.role !== undefined) {
        if (typeof input.role !== 'string' || !(ROLES as readonly string[]).includes(input.role)) throw new HttpError(400, 'BadArgument', `role must be one of ${ROLES.join(', ')}`);
        change.role = input.role as Role;
      }
      if (input.centres !== undefined) change.centres = centresFrom(input.centres);
      if (input.disabled !== undefined) {
        if (typeof input.disabled !== 'boolean') throw new HttpError(400, 'BadArgument', 'disabled must be true or false');
        change.disabled = input.disabled;
      }
      // Whoever makes the change stays an admin who can sign in: there is always one to undo it.
      if (req.params.id === officer._id && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true)) {
        throw new HttpError(409, 'OwnAccount', 'An admin cannot disable their own account or change their own role');
      }
      let updated;
      try {
        updated = await deps.accounts.update(String(req.params.id), change);
      } catch (error) {
        if ((error as { code?: string }).code === 'ACCOUNT_INVALID') throw new HttpError(400, 'BadArgument', (error as Error).message);
        throw error;
      }
      if (!updated) throw new HttpError(404, 'NotFound', 'No such account');
      if (updated.disabled) await deps.sessions.endAll(updated._id);
      // Citizens in a live chat with this officer are not left talking to nobody: back to their centre's queue.
      if (updated.disabled || change.role !== undefined || change.centres !== undefined) {
        await deps.handoffs.requeueLiveChats(updated._id, updated.disabled ? 'none' : scopeOf(updated, deps.directory), officer._id);
      }
      // Its open stream was given the old scope (or belongs to a disabled account): the app reconnects, or is signed out.
      if (updated.disabled) deps.hub.disconnect(updated._id, SESSION_ENDED);
      else if (change.disabled !== undefined || change.role !== undefined || change.centres !== undefined) deps.hub.disconnect(updated._id, ACCOUNT_CHANGED);
      await deps.audit.record(officer._id, 'account.update', updated._id, { fields: Object.keys(change).sort().join(','), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}) });
      res.send(200, { officer: officerView(updated) });
    });

    server.post(`${OFFICER_API}/officers/:id/password`, async (req: Request, res: Response) => {
      const { officer } = await caller(req);
      if (officer.role !== 'admin') throw new HttpError(403, 'Forbidden', 'Only admins manage accounts');
      // The old password may be known to someone else: every session that used it ends.
      const reset = await credentials.resetById(String(req.params.id));
      if (!reset) throw new HttpError(404, 'NotFound', 'No such account');
      deps.hub.disconnect(reset.officer._id, SESSION_ENDED);
      await deps.audit.record(officer._id, 'account.resetPassword', reset.officer._id);
      res.send(200, { officer: officerView(reset.officer), password: reset.password });
    });
  };
}
