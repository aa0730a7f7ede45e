import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Collection, IndexSpec, Store } from '../store/types';

/**
 * Officer sign-in sessions. The browser holds a random session id in an HttpOnly, SameSite=Strict cookie; the
 * store holds only its hash, so a leaked database does not sign anyone in. Each session has a CSRF token that
 * state-changing requests must echo in a header. Sessions end after idleness and after an absolute lifetime.
 */

export const SESSIONS_COLLECTION = 'sessions';
/** Ending all sessions of an officer; purging expired ones. */
export const SESSION_INDEXES: readonly IndexSpec[] = [
  { collection: SESSIONS_COLLECTION, keys: { officerId: 1 } },
  { collection: SESSIONS_COLLECTION, keys: { expiresAt: 1 } },
];

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** How stale a session's last-seen time may get before a request refreshes it. */
const SESSION_TOUCH_MS = 60 * 1000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60 * 1000, absoluteMs: 12 * 60 * 60 * 1000 };

interface SessionDocument {
  /** sha256 of the session id. */
  _id: string;
  officerId: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface Session {
  /** The session's stored id (the hash of the cookie value): names it to the stream hub, and cannot sign anyone in. */
  key: string;
  officerId: string;
  csrfToken: string;
  expiresAt: number;
}

function hashOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

export class SessionStore {
  private readonly sessions: Collection<SessionDocument>;

  constructor(store: Store, private readonly now: () => number = Date.now, private readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY) {
    this.sessions = store.collection<SessionDocument>(SESSIONS_COLLECTION);
  }

  /** Starts a session; returns the id for the cookie (never stored) and the CSRF token for the page. */
  async start(officerId: string): Promise<{ sessionId: string; session: Session }> {
    const sessionId = randomBytes(32).toString('base64url');
    const now = this.now();
    const document: SessionDocument = {
      _id: hashOf(sessionId),
      officerId,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.policy.absoluteMs,
    };
    await this.sessions.insertOne(document);
    return { sessionId, session: sessionOf(document) };
  }

  /** The session of a cookie value, if it is still valid; using it keeps it alive. */
  async resume(sessionId: string | undefined): Promise<Session | undefined> {
    if (!sessionId || sessionId.length > 100) return undefined;
    return this.touch(hashOf(sessionId));
  }

  /**
   * The session of a stored key, if it is still valid, kept alive: the officer is at work (a request, or the app
   * open in front of them — see handoff/hub.ts).
   */
  async touch(key: string): Promise<Session | undefined> {
    const now = this.now();
    const document = await this.live(key, now);
    if (!document) return undefined;
    // Every officer request passes here: writing each time would turn every read into a write. A minute's
    // precision on a 30-minute idle limit costs nothing.
    if (now - document.lastSeenAt >= SESSION_TOUCH_MS) await this.sessions.updateOne({ _id: document._id }, { $set: { lastSeenAt: now } });
    return sessionOf(document);
  }

  /**
   * The session of a stored key, if it is still valid, without keeping it alive: an open socket re-checks its
   * session with this, and an open socket alone is not the officer at work.
   */
  async active(key: string): Promise<Session | undefined> {
    const document = await this.live(key, this.now());
    return document ? sessionOf(document) : undefined;
  }

  async end(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.sessions.deleteOne({ _id: hashOf(sessionId) });
  }

  /** Ends every session of an officer (password changed, account disabled), but the one of `exceptKey` if given. */
  async endAll(officerId: string, exceptKey?: string): Promise<void> {
    await this.sessions.deleteMany(exceptKey === undefined ? { officerId } : { officerId, _id: { $ne: exceptKey } });
  }

  /** Deletes sessions past their lifetime or idle limit. */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    const { deletedCount } = await this.sessions.deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: now - this.policy.idleMs } }] });
    return deletedCount;
  }

  private async live(key: string, now: number): Promise<SessionDocument | null> {
    return this.sessions.findOne({ _id: key, expiresAt: { $gt: now }, lastSeenAt: { $gt: now - this.policy.idleMs } });
  }
}

function sessionOf(document: SessionDocument): Session {
  return { key: document._id, officerId: document.officerId, csrfToken: document.csrfToken, expiresAt: document.expiresAt };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(session: Session, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
