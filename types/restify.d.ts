/**
 * Type declarations for the part of restify 12 this service uses. restify 12 ships no types, and
 * @types/restify describes restify 8 (bunyan logger, no async handlers), so these follow restify 12's source.
 */
declare module 'restify' {
  import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
  import type { Logger } from 'pino';

  export interface Request extends IncomingMessage {
    /** Returns the request id; with an argument, sets it (once). */
    id(reqId?: string): string;
    getId(): string;
    getPath(): string;
    getQuery(): string;
    getContentType(): string;
    contentType(): string;
    getContentLength(): number;
    href(): string;
    isSecure(): boolean;
    header(name: string, defaultValue?: string): string | undefined;
    params: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
    rawBody?: unknown;
    log: Logger;
  }

  export interface Response extends ServerResponse {
    send(code?: number | unknown, body?: unknown, headers?: Record<string, string>): void;
    json(code?: number | unknown, body?: unknown, headers?: Record<string, string>): void;
    sendRaw(code?: number | unknown, body?: unknown, headers?: Record<string, string>): void;
    header(name: string, value?: string | number | string[]): unknown;
    status(code: number): number;
    set(name: string | Record<string, string>, value?: string): this;
    redirect(url: string, next: Next): void;
    redirect(code: number, url: string, next: Next): void;
  }

  export type Next = (error?: Error | false | string) => void;
  export type CallbackHandler = (req: Request, res: Response, next: Next) => void;
  export type AsyncHandler = (req: Request, res: Response) => Promise<void>;
  export type RequestHandler = CallbackHandler | AsyncHandler;
  export type RequestHandlerType = RequestHandler | RequestHandler[];

  export type RouteSpec = string | { path: string; name?: string };

  export interface Route {
    name: string;
    method: string;
    path: string;
  }

  export interface Server {
    readonly server: HttpServer;
    readonly name: string;
    readonly url: string;
    get(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    head(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    post(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    put(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    patch(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    del(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    opts(route: RouteSpec, ...handlers: RequestHandlerType[]): Route | false;
    pre(...handlers: RequestHandlerType[]): this;
    use(...handlers: RequestHandlerType[]): this;
    on(event: 'after', listener: (req: Request, res: Response, route: Route | null, error?: Error) => void): this;
    on(event: 'restifyError', listener: (req: Request, res: Response, error: Error, callback: () => void) => void): this;
    on(event: 'upgrade', listener: (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void): this;
    on(event: string, listener: (...args: never[]) => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
    listen(port: number, host: string, callback?: () => void): HttpServer;
    listen(port: number, callback?: () => void): HttpServer;
    close(callback?: () => void): HttpServer;
    address(): { address: string; family: string; port: number };
  }

  export interface ServerOptions {
    name?: string;
    log?: Logger;
    handleUncaughtExceptions?: boolean;
    handleUpgrades?: boolean;
    ignoreTrailingSlash?: boolean;
    strictFormatters?: boolean;
    maxParamLength?: number;
    onceNext?: boolean;
    strictNext?: boolean;
    formatters?: Record<string, (req: Request, res: Response, body: unknown) => string | Buffer>;
  }

  export function createServer(options?: ServerOptions): Server;

  export namespace plugins {
    interface BodyOptions {
      maxBodySize?: number;
      mapParams?: boolean;
      mapFiles?: boolean;
      overrideParams?: boolean;
      requestBodyOnGet?: boolean;
      rejectUnknown?: boolean;
      reviver?: (key: string, value: unknown) => unknown;
    }
    interface QueryParserOptions {
      mapParams?: boolean;
      allowDots?: boolean;
      arrayLimit?: number;
      depth?: number;
      parameterLimit?: number;
      plainObjects?: boolean;
    }
    interface StaticOptions {
      directory: string;
      file?: string;
      default?: string;
      appendRequestPath?: boolean;
      maxAge?: number;
      gzip?: boolean;
      charSet?: string;
    }
    function bodyParser(options?: BodyOptions): CallbackHandler[];
    function bodyReader(options?: BodyOptions): CallbackHandler;
    function jsonBodyParser(options?: BodyOptions): CallbackHandler[];
    function queryParser(options?: QueryParserOptions): CallbackHandler;
    function serveStatic(options: StaticOptions): CallbackHandler;
  }

  const restify: {
    createServer: typeof createServer;
    plugins: typeof plugins;
  };
  export default restify;
}
