import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { ATTENDED, STREAM_PING_MS } from '../lib/contract/officer/streamSignals';

/**
 * The officers' realtime hub: each signed-in officer's web app holds a WebSocket, and every event about a
 * conversation (a new request, a claim, a message) goes to the officers whose scope includes its centre —
 * nobody else. The socket is authenticated by the session cookie when it opens (see handoff/api/stream.ts), and lives
 * no longer than its session: it is closed when the session ends here (sign-out, password change, account
 * disabled), and it re-checks the session in the store every little while and on every message it receives,
 * so that a session that expired, or was ended by another process sharing the store (`npm run
 * reset-password`, another instance), does not keep receiving.
 */

export type HubEvent =
  | { type: 'queue'; item: Record<string, unknown> }
  | { type: 'removed'; id: string }
  | { type: 'message'; id: string; message: Record<string, unknown> }
  | { type: 'note'; id: string; note: Record<string, unknown> };

export type Scope = readonly string[] | 'all';

/** Why the service closed an officer's socket: a WebSocket close code (4000–4999 are the application's own) and its reason. */
export interface StreamClose {
  code: number;
  reason: string;
}

/** The session is over (expired, signed out, password changed, account disabled): the app must sign in again. */
export const SESSION_ENDED: StreamClose = { code: 4401, reason: 'session ended' };
/** The officer's role or centres changed: the app reconnects and takes its new scope. */
export const ACCOUNT_CHANGED: StreamClose = { code: 4000, reason: 'account changed' };
const SHUTTING_DOWN: StreamClose = { code: 1001, reason: 'server shutting down' };
const TOO_SLOW: StreamClose = { code: 1013, reason: 'too slow' };

/** Sockets one session may hold at once (a few tabs); one more is refused with 429. */
export const MAX_SOCKETS_PER_SESSION = 5;

/** The session behind a socket, as the API authenticated it. */
export interface StreamSession {
  officerId: string;
  /** The session's stored key: sockets are counted and ended per session. */
  sessionKey: string;
  scope: Scope;
  /**
   * The scope the session has now, read afresh from the store; undefined once the session is no longer valid
   * (expired, ended, its account disabled or its password reset). `attended`: the app says it is in front of
   * the officer, which keeps the session alive as a request would.
   */
  recheck: (attended: boolean) => Promise<Scope | undefined>;
}

export interface OfficerHubOptions {
  /** How often every socket re-checks its session (default 30 s): the longest a session ended elsewhere keeps a socket. */
  recheckEveryMs?: number;
}

interface Listener {
  socket: WebSocket;
  session: StreamSession;
  alive: boolean;
  /** A re-check is under way: messages arriving meanwhile do not start another. */
  checking: boolean;
}

const DEFAULT_RECHECK_MS = 30_000;
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

export class OfficerHub {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  private readonly listeners = new Set<Listener>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly recheckTimer: NodeJS.Timeout;

  constructor(options: OfficerHubOptions = {}) {
    this.pingTimer = setInterval(() => this.ping(), STREAM_PING_MS);
    this.pingTimer.unref();
    this.recheckTimer = setInterval(() => this.recheckAll(), options.recheckEveryMs ?? DEFAULT_RECHECK_MS);
    this.recheckTimer.unref();
  }

  get size(): number {
    return this.listeners.size;
  }

  /**
   * Whether the session may open one more socket. The caller completes the upgrade with `accept` in the same
   * tick, so that two upgrades racing cannot both take the last place.
   */
  canAccept(sessionKey: string): boolean {
    let open = 0;
    for (const listener of this.listeners) if (listener.session.sessionKey === sessionKey) open += 1;
    return open < MAX_SOCKETS_PER_SESSION;
  }

  accept(request: IncomingMessage, socket: Duplex, head: Buffer, session: StreamSession): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const listener: Listener = { socket: ws, session: { ...session }, alive: true, checking: false };
      this.listeners.add(listener);
      ws.on('pong', () => {
        listener.alive = true;
      });
      // The app sends only ATTENDED; whatever a client sends is a reason to look at its session again.
      ws.on('message', (data) => {
        listener.alive = true;
        void this.recheck(listener, isAttended(data));
      });
      ws.on('close', () => this.listeners.delete(listener));
      ws.on('error', () => this.listeners.delete(listener));
    });
  }

  /** Sends an event about a conversation of `centreCode` to the officers who may see it. */
  publish(centreCode: string, event: HubEvent): void {
    const frame = JSON.stringify(event);
    for (const listener of this.listeners) {
      const { scope } = listener.session;
      if (scope !== 'all' && !scope.includes(centreCode)) continue;
      if (listener.socket.readyState !== listener.socket.OPEN) continue;
      if (listener.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        this.end(listener, TOO_SLOW);
        continue;
      }
      listener.socket.send(frame);
    }
  }

  /** Closes an officer's sockets (account disabled or changed, password changed), but those of `exceptSession`. */
  disconnect(officerId: string, why: StreamClose, exceptSession?: string): void {
    for (const listener of this.listeners) {
      if (listener.session.officerId === officerId && listener.session.sessionKey !== exceptSession) this.end(listener, why);
    }
  }

  /** Closes the sockets of one session (signed out). */
  endSession(sessionKey: string): void {
    for (const listener of this.listeners) if (listener.session.sessionKey === sessionKey) this.end(listener, SESSION_ENDED);
  }

  close(): void {
    clearInterval(this.pingTimer);
    clearInterval(this.recheckTimer);
    for (const listener of this.listeners) this.end(listener, SHUTTING_DOWN);
    this.server.close();
  }

  private end(listener: Listener, why: StreamClose): void {
    // Removed at once, so that nothing more is published to it while the closing handshake runs.
    this.listeners.delete(listener);
    listener.socket.close(why.code, why.reason);
  }

  private recheckAll(): void {
    for (const listener of this.listeners) void this.recheck(listener, false);
  }

  private async recheck(listener: Listener, attended: boolean): Promise<void> {
    if (listener.checking) return;
    listener.checking = true;
    try {
      const scope = await listener.session.recheck(attended);
      if (!this.listeners.has(listener)) return;
      if (scope === undefined) this.end(listener, SESSION_ENDED);
      else if (!sameScope(scope, listener.session.scope)) this.end(listener, ACCOUNT_CHANGED);
    } catch {
      // The store did not answer: the socket stays, and the next re-check decides.
    } finally {
      listener.checking = false;
    }
  }

  private ping(): void {
    for (const listener of this.listeners) {
      if (!listener.alive) {
        listener.socket.terminate();
        this.listeners.delete(listener);
        continue;
      }
      listener.alive = false;
      listener.socket.ping();
      listener.socket.send(JSON.stringify({ type: 'ping' }));
    }
  }
}

/**
 * What the officer app sends, at most once a minute, while its page is visible: an officer watching the queue
 * for the next citizen is at work although they click nothing, and is not signed out after 30 idle minutes. A
 * hidden or minimised app sends nothing, so an unattended one still ends with its session.
 */
export const ATTENDED_FRAME = JSON.stringify(ATTENDED);

function isAttended(data: unknown): boolean {
  return String(data) === ATTENDED_FRAME;
}

function sameScope(a: Scope, b: Scope): boolean {
  if (a === 'all' || b === 'all') return a === b;
  return a.length === b.length && a.every((code, index) => code === b[index]);
}
