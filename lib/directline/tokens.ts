import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens (JWT, HS256) for the bot's own Direct Line endpoint. A conversation token names the user and
 * the one conversation it may read and write; a stream token opens that conversation's WebSocket; a file
 * token lets its holder fetch one uploaded file of one conversation; a resume token (an HttpOnly cookie of the
 * chat page) lets a returning browser get a new conversation token for its conversation. The user id comes
 * from the token, never from what a client posts.
 */

export type TokenKind = 'conversation' | 'stream' | 'file' | 'resume';

export interface TokenClaims {
  kind: TokenKind;
  /** The user the token speaks for. */
  userId: string;
  conversationId: string;
  /** For file tokens: the upload they open. */
  fileId?: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'kind' };

const ISSUER = 'damrongdham-bot/directline';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** A bound on what is parsed: tokens we sign are a few hundred bytes. */
const MAX_TOKEN_LENGTH = 2048;

interface Payload {
  iss: string;
  knd: TokenKind;
  sub: string;
  /** The user id again, under the name Web Chat and directlinejs read from Direct Line tokens. */
  user: string;
  cnv: string;
  fid?: string;
  iat: number;
  exp: number;
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return p.iss === ISSUER
    && (p.knd === 'conversation' || p.knd === 'stream' || p.knd === 'file' || p.knd === 'resume')
    && typeof p.sub === 'string' && typeof p.cnv === 'string'
    && (p.fid === undefined || typeof p.fid === 'string')
    && typeof p.iat === 'number' && typeof p.exp === 'number';
}

export class TokenSigner {
  private readonly key: Buffer;

  constructor(signingKey: string, private readonly nowMs: () => number = Date.now) {
    if (!signingKey || signingKey.length < 32) throw new Error('The token signing key must be at least 32 characters');
    this.key = Buffer.from(signingKey, 'utf8');
  }

  sign(kind: TokenKind, subject: { userId: string; conversationId: string; fileId?: string }, lifetimeSeconds: number): string {
    const iat = Math.floor(this.nowMs() / 1000);
    const payload: Payload = {
      iss: ISSUER,
      knd: kind,
      sub: subject.userId,
      user: subject.userId,
      cnv: subject.conversationId,
      ...(subject.fileId ? { fid: subject.fileId } : {}),
      iat,
      exp: iat + lifetimeSeconds,
    };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${body}.${this.signature(body)}`;
  }

  /** Checks the signature, the issuer, the kind and the expiry; the reason tells an expired token from a bad one. */
  verify(token: string, kind: TokenKind): TokenCheck {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.signature(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!isPayload(payload)) return { ok: false, reason: 'malformed' };
    if (payload.knd !== kind) return { ok: false, reason: 'kind' };
    if (payload.exp * 1000 <= this.nowMs()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claims: {
        kind: payload.knd,
        userId: payload.sub,
        conversationId: payload.cnv,
        ...(payload.fid ? { fileId: payload.fid } : {}),
        issuedAt: payload.iat,
        expiresAt: payload.exp,
      },
    };
  }

  private signature(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
