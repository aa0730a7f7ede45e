import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestUrl } from './requestUrl';

/**
 * WebSocket upgrades, dispatched by path. Node answers no upgrade request by itself, so the server has exactly
 * one 'upgrade' listener: it hands each request to the handler of its path and refuses the rest with a 404 (or
 * a 400 when its Host or target is not a URL), so that no socket is left open for as long as a client likes.
 */

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, pathname: string) => void | Promise<void>;

interface Route {
  matches: (pathname: string) => boolean;
  handler: UpgradeHandler;
}

const routers = new WeakMap<HttpServer, Route[]>();

export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** Adds a handler for the upgrade requests whose path `matches`. */
export function onUpgrade(server: HttpServer, matches: (pathname: string) => boolean, handler: UpgradeHandler): void {
  let routes = routers.get(server);
  if (!routes) {
    const created: Route[] = [];
    routes = created;
    routers.set(server, created);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Node stops listening for errors on a socket it hands over for an upgrade: until a WebSocket library takes
      // it, a client resetting the connection would raise an 'error' nobody handles, and that stops the process.
      socket.on('error', () => socket.destroy());
      const url = requestUrl(req);
      if (!url) return refuseUpgrade(socket, 400, 'Bad Request');
      const route = created.find((candidate) => candidate.matches(url.pathname));
      if (!route) return refuseUpgrade(socket, 404, 'Not Found');
      // A handler that throws at once is caught like one whose promise rejects.
      new Promise<void>((resolve) => resolve(route.handler(req, socket, head, url.pathname))).catch(() => socket.destroy());
    });
  }
  routes.push({ matches, handler });
}
