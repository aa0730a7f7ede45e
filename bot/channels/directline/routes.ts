import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Response, Server } from 'restify';
import type { DirectLineLog } from '../../../lib/directline/log';
import type { TokenSigner } from '../../../lib/directline/tokens';
import { describeErrorForLog } from '../../../lib/errors';
import type { FileStore } from '../../../lib/files/fileStore';
import type { Logger } from '../../../lib/logger';
import type { RateLimits } from '../../../lib/config';
import { policyOf, RateLimiter } from '../../../lib/rateLimit';
import { jsonBody } from '../../../lib/http/body';
import { UPLOAD_REFUSED_EVENT } from '../../bot';
import { onUpgrade, refuseUpgrade } from '../../../lib/http/upgrades';
import { HttpError } from '../../../lib/http/errors';
import { clientAddress, type PublicAddress } from '../../../lib/http/publicAddress';
import { type Caller, DirectLineAuth, tokenFailure } from './auth';
import { fileLink, ownFileAttachments } from './fileLinks';
import { MAX_ACTIVITY_BYTES, sanitizeIncoming } from './incoming';
import { type DirectLineService, newConversationId, newUserId } from './service';
import type { StreamHub } from './stream';
import { quotaExceeded, readUpload } from '../../../lib/http/upload';

/**
 * The Direct Line 3.0 REST API and WebSocket stream, under /v3/directline, as Microsoft's clients (Web Chat and
 * botframework-directlinejs) use it: paths, bodies, status codes and `{"error": {code, message}}` bodies
 * follow the published reference.
 */

export const DIRECTLINE_BASE = '/v3/directline';
const USER_ID = /^[A-Za-z0-9_\-:.@]{1,64}$/;
const CONVERSATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface DirectLineRouteDependencies {
  service: DirectLineService;
  log: DirectLineLog;
  hub: StreamHub;
  files: FileStore;
  signer: TokenSigner;
  secret: string;
  address: PublicAddress;
  logger: Logger;
  /** RATE_LIMIT_DIRECTLINE_*: starts and sockets per client address, messages and uploads per conversation. */
  limits: Pick<RateLimits, 'directLineStarts' | 'directLineSockets' | 'directLineMessages' | 'directLineUploads'>;
  now?: () => number;
}

function watermarkOf(req: Request): number {
  const raw = new URL(req.url ?? '/', 'http://x').searchParams.get('watermark');
  if (raw === null || raw === '' || raw === '-') return 0;
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(400, 'BadArgument', 'watermark must be a number');
  return Number(raw);
}

function conversationIdOf(req: Request): string {
  const id = req.params.conversationId;
  if (typeof id !== 'string' || !CONVERSATION_ID.test(id)) throw new HttpError(404, 'NotFound', 'No such conversation');
  return id;
}

function requireJson(req: Request): void {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) throw new HttpError(415, 'UnsupportedMediaType', 'The body must be application/json');
}

/** An optional JSON body (start, generate): empty is fine, anything else must be a JSON object. */
function optionalBody(req: Request): Record<string, unknown> {
  const body = req.body;
  if (body === undefined || body === null || body === '' || (Buffer.isBuffer(body) && body.length === 0)) return {};
  if (typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) throw new HttpError(400, 'BadArgument', 'The body must be a JSON object');
  return body as Record<string, unknown>;
}

function tooMany(res: Response, seconds: number): HttpError {
  res.setHeader('retry-after', String(Math.max(1, seconds)));
  return new HttpError(429, 'TooManyRequests', 'Too many requests; slow down and try again shortly');
}

export function directLineRoutes(deps: DirectLineRouteDependencies) {
  const { service, log, hub, files, signer, address, logger } = deps;
  const now = deps.now ?? Date.now;
  const auth = new DirectLineAuth(signer, deps.secret);
  // A citizen types; a flood is a script. Per conversation; and per client address for starting conversations and
  // opening sockets, where many citizens may share one address (docs/operations.md, "Rate limits").
  const postLimiter = new RateLimiter(policyOf(deps.limits.directLineMessages), now);
  const uploadLimiter = new RateLimiter(policyOf(deps.limits.directLineUploads), now);
  const startLimiter = new RateLimiter(policyOf(deps.limits.directLineStarts), now);
  const socketLimiter = new RateLimiter(policyOf(deps.limits.directLineSockets), now);
  const json = jsonBody(MAX_ACTIVITY_BYTES);

  const streamUrl = (req: IncomingMessage, userId: string, conversationId: string, watermark?: number) => {
    const base = address.webSocketBase(req);
    const query = new URLSearchParams({ t: service.streamToken(userId, conversationId), ...(watermark ? { watermark: String(watermark) } : {}) });
    return `${base}${DIRECTLINE_BASE}/conversations/${conversationId}/stream?${query.toString()}`;
  };

  /** The conversation a caller acts in, which must exist; a token's user must be its user. */
  const existing = async (caller: Caller, conversationId: string) => {
    const conversation = await log.get(conversationId);
    if (!conversation) throw new HttpError(404, 'NotFound', 'No such conversation');
    if (caller.kind === 'token' && caller.claims.userId !== conversation.userId) throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation');
    return conversation;
  };

  const streamPath = new RegExp(`^${DIRECTLINE_BASE}/conversations/([A-Za-z0-9_-]{8,64})/stream$`);
  const acceptStream = (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = streamPath.exec(pathname) as RegExpExecArray;
    const refuse = (status: number, text: string) => refuseUpgrade(socket, status, text);
    if (!socketLimiter.take(clientAddress(req, address.trustedHops))) return refuse(429, 'Too Many Requests');
    const check = signer.verify(url.searchParams.get('t') ?? '', 'stream');
    if (!check.ok || check.claims.conversationId !== match[1]) return refuse(403, 'Forbidden');
    if (!hub.canAccept(match[1])) return refuse(429, 'Too Many Requests');
    const raw = url.searchParams.get('watermark');
    const watermark = raw && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    hub.accept(req, socket, head, match[1], watermark);
  };

  return (server: Server): void => {
    onUpgrade(server.server, (pathname) => streamPath.test(pathname), acceptStream);

    server.post(`${DIRECTLINE_BASE}/tokens/generate`, json, async (req: Request, res: Response) => {
      const caller = auth.caller(req, true);
      if (caller.kind !== 'secret') throw new HttpError(403, 'Forbidden', 'Generating a token needs the Direct Line secret');
      const body = optionalBody(req);
      const requested = (body.user as { id?: unknown } | undefined)?.id;
      const userId = typeof requested === 'string' && USER_ID.test(requested) ? requested : newUserId();
      res.send(200, service.grant(userId, newConversationId()));
    });

    server.post(`${DIRECTLINE_BASE}/tokens/refresh`, async (req: Request, res: Response) => {
      const caller = auth.caller(req, false);
      if (caller.kind !== 'token') throw new HttpError(403, 'Forbidden', 'Refreshing needs a conversation token');
      res.send(200, service.grant(caller.claims.userId, caller.claims.conversationId));
    });

    server.post(`${DIRECTLINE_BASE}/conversations`, json, async (req: Request, res: Response) => {
      const caller = auth.caller(req, true);
      const client = clientAddress(req, address.trustedHops);
      if (!startLimiter.take(client)) throw tooMany(res, startLimiter.retryAfterSeconds(client));
      const body = optionalBody(req);
      const locale = typeof body.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(body.locale) ? body.locale : undefined;
      let userId: string;
      let conversationId: string;
      if (caller.kind === 'token') {
        ({ userId, conversationId } = caller.claims);
      } else {
        const requested = (body.user as { id?: unknown } | undefined)?.id;
        userId = typeof requested === 'string' && USER_ID.test(requested) ? requested : newUserId();
        conversationId = newConversationId();
      }
      const { created, owner } = await service.start(conversationId, userId, locale, address.httpBase(req));
      if (owner !== userId) throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation');
      res.send(created ? 201 : 200, { ...service.grant(userId, conversationId), streamUrl: streamUrl(req, userId, conversationId) });
    });

    server.get(`${DIRECTLINE_BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
      const conversationId = conversationIdOf(req);
      const caller = auth.forConversation(req, conversationId, true);
      const watermark = watermarkOf(req);
      const conversation = await existing(caller, conversationId);
      res.send(200, { ...service.grant(conversation.userId, conversationId), streamUrl: streamUrl(req, conversation.userId, conversationId, watermark) });
    });

    server.get(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
      const conversationId = conversationIdOf(req);
      const caller = auth.forConversation(req, conversationId, true);
      const watermark = watermarkOf(req);
      await existing(caller, conversationId);
      const page = await log.since(conversationId, watermark, { asSent: true });
      res.send(200, { activities: page.activities, watermark: String(page.watermark) });
    });

    server.post(`${DIRECTLINE_BASE}/conversations/:conversationId/activities`, json, async (req: Request, res: Response) => {
      const conversationId = conversationIdOf(req);
      const caller = auth.forConversation(req, conversationId, false);
      requireJson(req);
      const activity = sanitizeIncoming(req.body);
      const conversation = await existing(caller, conversationId);
      if (!postLimiter.take(conversationId)) throw tooMany(res, postLimiter.retryAfterSeconds(conversationId));
      // Files come through the upload route; a message may only point at those of its own conversation.
      if (Array.isArray(activity.attachments)) activity.attachments = await ownFileAttachments(activity.attachments, conversationId, address.httpBase(req), { signer, files });
      // Typing indicators are not conversation: nothing to log, nothing for the bot.
      if (activity.type === 'typing') {
        res.send(200, {});
        return;
      }
      res.send(200, { id: await service.receive(conversationId, conversation.userId, activity, address.httpBase(req)) });
    });

    server.post(`${DIRECTLINE_BASE}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
      const conversationId = conversationIdOf(req);
      const caller = auth.forConversation(req, conversationId, false);
      const conversation = await existing(caller, conversationId);
      if (!uploadLimiter.take(conversationId)) throw tooMany(res, uploadLimiter.retryAfterSeconds(conversationId));
      const upload = await readUpload(req);
      const template = upload.activity === undefined ? { type: 'message' } : sanitizeIncoming(upload.activity);
      const saved = await files.saveAll(conversationId, upload.files, 'citizen');
      if (!saved.ok) {
        logger.info({ reqId: req.id(), quota: saved.refusal.quota }, 'upload refused: quota reached');
        // Web Chat shows only that the photo was not sent; the bot says why, in the citizen's language.
        const locale = typeof template.locale === 'string' ? template.locale : undefined;
        await service.notify(conversationId, conversation.userId, { name: UPLOAD_REFUSED_EVENT, value: saved.refusal, ...(locale ? { locale } : {}) }).catch((error: unknown) => {
          logger.warn({ reqId: req.id(), err: describeErrorForLog(error) }, 'upload refusal could not be told');
        });
        throw quotaExceeded(saved.refusal);
      }
      const base = address.httpBase(req);
      const attachments = saved.files.map((stored) => ({
        contentType: stored.contentType,
        name: stored.name,
        contentUrl: fileLink(base, conversationId, stored._id, service.fileToken(conversation.userId, conversationId, stored._id)),
      }));
      logger.info({ reqId: req.id(), files: attachments.length }, 'upload received');
      res.send(200, { id: await service.receive(conversationId, conversation.userId, { ...template, type: 'message', attachments }, base) });
    });

    server.get(`${DIRECTLINE_BASE}/conversations/:conversationId/files/:fileId`, async (req: Request, res: Response) => {
      const conversationId = conversationIdOf(req);
      const fileId = req.params.fileId;
      const check = signer.verify(new URL(req.url ?? '/', 'http://x').searchParams.get('t') ?? '', 'file');
      if (!check.ok) throw tokenFailure(check.reason);
      if (check.claims.conversationId !== conversationId || check.claims.fileId !== fileId) {
        throw new HttpError(403, 'Forbidden', 'The link is not valid for this file');
      }
      const file = await files.info(fileId);
      if (!file || file.conversationId !== conversationId) throw new HttpError(404, 'NotFound', 'No such file');
      const content = await files.read(file);
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': content.length,
        // RFC 5987: Thai file names cannot go into a header as they are.
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
        'cache-control': 'private, max-age=3600',
      });
      res.end(content);
    });
  };
}
