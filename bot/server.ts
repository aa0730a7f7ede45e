import restify, { type Next, type Request, type Response, type Server } from 'restify';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '../lib/logger';
import type { Store } from '../lib/store/types';
import { refuseContentEncoding } from '../lib/http/contentEncoding';
import { type ErrorDialect, HttpError, installErrorHandling } from '../lib/http/errors';
import { pathForLog } from './http/logPath';
import { requestUrl } from '../lib/http/requestUrl';

export interface Lifecycle {
  /** True once shutdown began: /readyz answers 503 so that load balancers stop sending traffic. */
  isShuttingDown(): boolean;
}

/** A feature's routes (a channel endpoint, the officer API): registered on the server by createServer. */
export type RouteModule = (server: Server) => void;

export interface ServerDependencies {
  logger: Logger;
  store: Store;
  lifecycle: Lifecycle;
  routes?: RouteModule[];
  /** Keys the hashes that stand for tracking numbers in request logs (HASHING_KEY); without it, a key of this process. */
  hashingKey?: string;
  /** APIs with their own error codes, answering the errors on their paths (the officer API's). */
  errorDialects?: readonly ErrorDialect[];
}

/** Accepts a caller's request id (for tracing across a proxy) only if it cannot inject anything into a log. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Builds the HTTP service without listening, so that tests drive it in-process on an ephemeral port.
 * `/healthz` says the process is alive; `/readyz` says it can serve (the store answers, not shutting down).
 */
export function createServer(deps: ServerDependencies): Server {
  const { logger, store, lifecycle } = deps;
  const logKey = deps.hashingKey ?? randomBytes(32).toString('hex');
  const server = restify.createServer({
    name: 'damrongdham-bot',
    log: logger,
    handleUncaughtExceptions: false,
    ignoreTrailingSlash: true,
  });

  const startedAt = new WeakMap<Request, bigint>();
  server.pre((req: Request, res: Response, next: () => void) => {
    startedAt.set(req, process.hrtime.bigint());
    const incoming = req.header('x-request-id');
    req.id(typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID());
    res.setHeader('x-request-id', req.id());
    next();
  });

  // Before restify routes a request: what it cannot route must be answered here, and compressed bodies are
  // refused before anything reads them.
  server.pre((req: Request, _res: Response, next: Next) => {
    if (!requestUrl(req)) {
      next(new HttpError(400, 'BadRequest', 'The Host header or the request target is not a valid URL'));
      return;
    }
    const refused = refuseContentEncoding(req);
    next(refused);
  });

  installErrorHandling(server, logger, deps.errorDialects);

  server.on('after', (req: Request, res: Response) => {
    const started = startedAt.get(req);
    const ms = started === undefined ? undefined : Number(process.hrtime.bigint() - started) / 1e6;
    logger.info({ reqId: req.id(), method: req.method, path: pathForLog(req, logKey), status: res.statusCode, ms }, 'request');
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (lifecycle.isShuttingDown()) {
      res.send(503, { status: 'shutting-down' });
      return;
    }
    try {
      await store.ping();
      res.send(200, { status: 'ready', store: store.kind });
    } catch {
      res.send(503, { status: 'unavailable', store: store.kind });
    }
  });

  for (const register of deps.routes ?? []) register(server);
  return server;
}
