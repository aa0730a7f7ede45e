import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import type { TokenClaims, TokenSigner } from '../../../lib/directline/tokens';
import { HttpError } from '../../../lib/http/errors';

/**
 * Who is calling: the holder of the Direct Line secret (a trusted server issuing tokens), or the holder of a
 * conversation token. Failures carry Direct Line's status codes: 401 without credentials, 403 for a token that
 * is invalid, expired (code TokenExpired) or for another conversation.
 */
export type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };

function bearer(req: Request): string {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.length > 4096) {
    throw new HttpError(401, 'Unauthorized', 'Missing Authorization header: use "Authorization: Bearer <secret or token>"');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new HttpError(401, 'Unauthorized', 'Malformed Authorization header: use "Authorization: Bearer <secret or token>"');
  return match[1];
}

function isSecret(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function tokenFailure(reason: 'malformed' | 'signature' | 'expired' | 'kind'): HttpError {
  return reason === 'expired'
    ? new HttpError(403, 'TokenExpired', 'The token has expired; refresh it before it expires, or get a new one')
    : new HttpError(403, 'Forbidden', 'The token is not valid');
}

export class DirectLineAuth {
  constructor(private readonly signer: TokenSigner, private readonly secret: string) {}

  caller(req: Request, allowSecret: boolean): Caller {
    const credential = bearer(req);
    if (isSecret(credential, this.secret)) {
      if (!allowSecret) throw new HttpError(403, 'Forbidden', 'This operation needs a conversation token, not the secret');
      return { kind: 'secret' };
    }
    const check = this.signer.verify(credential, 'conversation');
    if (!check.ok) throw tokenFailure(check.reason);
    return { kind: 'token', claims: check.claims };
  }

  /**
   * A token caller of this very conversation. The secret may read any conversation (it belongs to the
   * operator's own servers) but never posts: what a user says must carry that user's token.
   */
  forConversation(req: Request, conversationId: string, allowSecret: boolean): Caller {
    const caller = this.caller(req, allowSecret);
    if (caller.kind === 'token' && caller.claims.conversationId !== conversationId) {
      throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation');
    }
    return caller;
  }
}
