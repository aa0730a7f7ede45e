import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * The officers' realtime hub: each signed-in officer's web app holds a WebSocket, and every event about a
 * conversation (a new request, a claim, a message) goes to the officers whose scope includes its centre —
 * nobody else. The socket is authenticated by the session cookie when it opens (see handoff/api.ts).
 */

export type HubEvent =
  | { type: 'queue'; item: Record<string, unknown> }
  | { type: 'removed'; id: string }
  | { type: 'message'; id: string; message: Record<string, unknown> };

interface Listener {
  socket: WebSocket;
  officerId: string;
  scope: readonly string[] | 'all';
  alive: boolean;
}

const PING_INTERVAL_MS = 25_000;
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

export class OfficerHub {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false });
  private readonly listeners = new Set<Listener>();
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.ping(), PING_INTERVAL_MS);
    this.timer.unref();
  }

  get size(): number {
    return this.listeners.size;
  }

  accept(request: IncomingMessage, socket: Duplex, head: Buffer, officerId: string, scope: readonly string[] | 'all'): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const listener: Listener = { socket: ws, officerId, scope, alive: true };
      this.listeners.add(listener);
      ws.on('pong', () => {
        listener.alive = true;
      });
      ws.on('message', () => {
        listener.alive = true;
      });
      ws.on('close', () => this.listeners.delete(listener));
      ws.on('error', () => this.listeners.delete(listener));
    });
  }

  /** Sends an event about a conversation of `centreCode` to the officers who may see it. */
  publish(centreCode: string, event: HubEvent): void {
    const frame = JSON.stringify(event);
    for (const listener of this.listeners) {
      if (listener.scope !== 'all' && !listener.scope.includes(centreCode)) continue;
      if (listener.socket.readyState !== listener.socket.OPEN) continue;
      if (listener.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        listener.socket.close(1013, 'too slow');
        continue;
      }
      listener.socket.send(frame);
    }
  }

  /** Closes the sockets of an officer (signed out, account changed). */
  disconnect(officerId: string): void {
    for (const listener of this.listeners) if (listener.officerId === officerId) listener.socket.close(1000, 'signed out');
  }

  close(): void {
    clearInterval(this.timer);
    for (const listener of this.listeners) listener.socket.close(1001, 'server shutting down');
    this.listeners.clear();
    this.server.close();
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
