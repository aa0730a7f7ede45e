import type { Request, Response, Server } from 'restify';
import type { DirectLineLog } from '../../lib/directline/log';
import type { TokenSigner } from '../../lib/directline/tokens';
import type { RateLimitSetting } from '../../lib/config';
import { policyOf, RateLimiter } from '../../lib/rateLimit';
import { newConversationId, newUserId, type DirectLineService } from '../channels/directline/service';
import { jsonBody } from '../../lib/http/body';
import { HttpError } from '../../lib/http/errors';
import { cookie, readCookie } from '../../lib/http/cookies';
import { clientAddress, type PublicAddress } from '../../lib/http/publicAddress';

/**
 * The chat page's token: a browser gets a Direct Line token for a conversation without ever seeing the
 * secret. A returning browser continues its conversation — and sees what officers answered meanwhile —
 * thanks to an HttpOnly cookie holding a signed resume token; `{"fresh": true}` starts a new conversation.
 */

export const CHAT_TOKEN_PATH = '/api/directline/token';
export const RESUME_COOKIE = 'ddb_chat';
const RESUME_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

export interface ChatTokenResponse {
  token: string;
  conversationId: string;
  userId: string;
  expiresIn: number;
  /** True when this is the browser's existing conversation (the page then reconnects and replays it). */
  resumed: boolean;
}

export interface ChatTokenDependencies {
  service: DirectLineService;
  log: DirectLineLog;
  signer: TokenSigner;
  address: PublicAddress;
  /** Per client address: many citizens may share one (RATE_LIMIT_CHAT_TOKENS). */
  limit: RateLimitSetting;
  now?: () => number;
}

export function chatTokenRoutes(deps: ChatTokenDependencies) {
  const limiter = new RateLimiter(policyOf(deps.limit), deps.now ?? Date.now);
  const json = jsonBody(1024);

  return (server: Server): void => {
    server.post(CHAT_TOKEN_PATH, json, async (req: Request, res: Response) => {
      const client = clientAddress(req, deps.address.trustedHops);
      if (!limiter.take(client)) {
        // When the next chat can start: the chat page waits that long before it lets the citizen try again.
        res.setHeader('retry-after', String(Math.max(1, limiter.retryAfterSeconds(client))));
        throw new HttpError(429, 'TooManyRequests', 'Too many new chats from this address; try again shortly');
      }
      const fresh = typeof req.body === 'object' && req.body !== null && (req.body as { fresh?: unknown }).fresh === true;
      const resumeToken = fresh ? undefined : readCookie(req, RESUME_COOKIE);
      const check = resumeToken ? deps.signer.verify(resumeToken, 'resume') : undefined;
      let userId: string;
      let conversationId: string;
      let resumed = false;
      if (check?.ok) {
        ({ userId, conversationId } = check.claims);
        resumed = (await deps.log.get(conversationId))?.userId === userId;
      } else {
        userId = newUserId();
        conversationId = newConversationId();
      }
      const grant = deps.service.grant(userId, conversationId);
      const resume = deps.signer.sign('resume', { userId, conversationId }, RESUME_LIFETIME_SECONDS);
      const secure = deps.address.httpBase(req).startsWith('https:');
      res.setHeader('set-cookie', cookie(RESUME_COOKIE, resume, { path: CHAT_TOKEN_PATH, maxAgeSeconds: RESUME_LIFETIME_SECONDS, secure }));
      res.setHeader('cache-control', 'no-store');
      const body: ChatTokenResponse = { token: grant.token, conversationId, userId, expiresIn: grant.expires_in, resumed };
      res.send(200, body);
    });
  };
}
