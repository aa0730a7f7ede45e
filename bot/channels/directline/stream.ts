import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { DirectLineLog, LoggedActivity } from '../../../lib/directline/log';
import type { Logger } from '../../../lib/logger';

/**
 * The Direct Line WebSocket stream: each socket of a conversation receives `{activities, watermark}` frames
 * as activities are logged, after a replay of what it missed since the watermark it connected with. Empty
 * frames are sent as keep-alives (Direct Line's own heartbeat, which clients ignore), and sockets that stop
 * answering pings are closed, so dead connections do not pile up.
 */

/** Frames a socket may have buffered before it is judged too slow and closed. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** The most that a client may send us on the stream: it only ever sends empty pings. */
const MAX_INCOMING_BYTES = 1024;

interface Subscriber {
  socket: WebSocket;
  /** Live activities that arrived during the replay, sent after it. */
  pending: Array<{ activity: LoggedActivity; seq: number }> | undefined;
  lastSent: number;
  alive: boolean;
}

export interface StreamLimits {
  /** Sockets open at once for one conversation. */
  perConversation: number;
  /** Seconds between keep-alives. */
  keepAliveSeconds: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perConversation: 5, keepAliveSeconds: 15 };

export class StreamHub {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_INCOMING_BYTES, perMessageDeflate: false });
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(private readonly log: DirectLineLog, private readonly logger: Logger, private readonly limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
    this.keepAlive = setInterval(() => this.beat(), limits.keepAliveSeconds * 1000);
    this.keepAlive.unref();
  }

  /** Open sockets, for tests and metrics. */
  get socketCount(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  canAccept(conversationId: string): boolean {
    return (this.subscribers.get(conversationId)?.size ?? 0) < this.limits.perConversation;
  }

  /** Completes an authorised upgrade and starts the stream from `watermark`. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, watermark: number): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const subscriber: Subscriber = { socket: ws, pending: [], lastSent: watermark, alive: true };
      let set = this.subscribers.get(conversationId);
      if (!set) {
        set = new Set();
        this.subscribers.set(conversationId, set);
      }
      set.add(subscriber);
      ws.on('pong', () => {
        subscriber.alive = true;
      });
      // Clients send empty messages as pings; anything else is ignored.
      ws.on('message', () => {
        subscriber.alive = true;
      });
      ws.on('close', () => this.remove(conversationId, subscriber));
      ws.on('error', () => this.remove(conversationId, subscriber));
      void this.replay(conversationId, subscriber);
    });
  }

  /** Sends a newly logged activity to every socket of its conversation. */
  publish(conversationId: string, activity: LoggedActivity, seq: number): void {
    for (const subscriber of this.subscribers.get(conversationId) ?? []) {
      if (subscriber.pending) subscriber.pending.push({ activity, seq });
      else this.send(subscriber, [activity], seq);
    }
  }

  /** Closes every socket (shutdown); clients reconnect to another instance or after the restart. */
  close(): void {
    clearInterval(this.keepAlive);
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.socket.close(1001, 'server shutting down');
    this.subscribers.clear();
    this.server.close();
  }

  private async replay(conversationId: string, subscriber: Subscriber): Promise<void> {
    try {
      let watermark = subscriber.lastSent;
      for (;;) {
        const page = await this.log.since(conversationId, watermark);
        if (page.activities.length === 0) break;
        this.send(subscriber, page.activities, page.watermark);
        watermark = page.watermark;
      }
      const pending = subscriber.pending ?? [];
      subscriber.pending = undefined;
      for (const { activity, seq } of pending) if (seq > subscriber.lastSent) this.send(subscriber, [activity], seq);
    } catch (error) {
      this.logger.error({ err: { name: (error as Error).name } }, 'stream replay failed');
      subscriber.socket.close(1011, 'replay failed');
    }
  }

  private send(subscriber: Subscriber, activities: LoggedActivity[], watermark: number): void {
    if (subscriber.socket.readyState !== subscriber.socket.OPEN) return;
    if (subscriber.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      // A client that does not read is closed; it reconnects from its watermark and loses nothing.
      subscriber.socket.close(1013, 'client too slow');
      return;
    }
    subscriber.socket.send(JSON.stringify({ activities, watermark: String(watermark) }));
    subscriber.lastSent = Math.max(subscriber.lastSent, watermark);
  }

  private beat(): void {
    for (const [conversationId, set] of this.subscribers) {
      for (const subscriber of set) {
        if (!subscriber.alive) {
          subscriber.socket.terminate();
          this.remove(conversationId, subscriber);
          continue;
        }
        subscriber.alive = false;
        subscriber.socket.ping();
        if (!subscriber.pending) subscriber.socket.send('');
      }
    }
  }

  private remove(conversationId: string, subscriber: Subscriber): void {
    const set = this.subscribers.get(conversationId);
    if (!set) return;
    set.delete(subscriber);
    if (set.size === 0) this.subscribers.delete(conversationId);
  }
}
