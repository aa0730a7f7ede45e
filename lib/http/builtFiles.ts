import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { chooseEncoding } from './acceptEncoding';
import { isCompressible, PREPARED_ENCODINGS } from './compressible';
import { listFiles } from './precompress';

/**
 * A web app built by Vite (dist/web/<app>), served by the service itself. The set of files is read once at
 * start-up from the build output, bodies included, so a request can only ever name one of them (no path from a
 * request reaches the disk, and traversal has nothing to traverse) and no file is read per request.
 *
 * Every text file was compressed at build time (lib/http/precompress.ts): the answer is its brotli or gzip
 * sibling or the file itself, chosen by the request's Accept-Encoding. Files whose names carry a content hash
 * never change under their name, so browsers keep them for a year; index.html keeps its name and is
 * revalidated each time (a 304 when unchanged).
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The name Vite gives an emitted file: `name-<8 base64url characters>.ext`. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** One way of sending a file: as it is, or compressed with one coding. */
export interface Representation {
  readonly body: Buffer;
  readonly etag: string;
}

export interface BuiltFile {
  /** The file's path in the build output, e.g. `assets/index-BVERijBe.js`. */
  readonly file: string;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly identity: Representation;
  /** The codings prepared at build time, in order of preference; empty for files not worth compressing. */
  readonly encoded: ReadonlyMap<string, Representation>;
}

export interface BuiltApp {
  readonly directory: string;
  /** URL path → file. */
  readonly routes: ReadonlyMap<string, BuiltFile>;
}

export interface BuiltAppOptions {
  /** The app's URL prefix, as Vite's `base`: '/' or '/officer/'. */
  readonly base: string;
  /** The paths that answer with index.html (besides none: index.html is never served under its own name). */
  readonly pagePaths: readonly string[];
  /** Names the app in the error when it has not been built. */
  readonly name: string;
}

function etagOf(body: Buffer, coding?: string): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return coding ? `"${hash}-${coding}"` : `"${hash}"`;
}

function cacheControlOf(file: string): string {
  return file.endsWith('.html') || !HASHED_NAME.test(file) ? REVALIDATE : IMMUTABLE;
}

function loadFile(directory: string, file: string): BuiltFile {
  const full = path.join(directory, file);
  const body = readFileSync(full);
  const encoded = new Map<string, Representation>();
  if (isCompressible(file)) {
    for (const { coding, suffix } of PREPARED_ENCODINGS) {
      if (!existsSync(full + suffix)) {
        throw new Error(`${file}${suffix} is missing from ${directory}: run npm run build:web, with precompress() (lib/http/precompress.ts) among the plugins of the app's Vite config`);
      }
      // The ETag of a compressed body is the original's with the coding added: one per representation.
      encoded.set(coding, { body: readFileSync(full + suffix), etag: etagOf(body, coding) });
    }
  }
  return {
    file,
    contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    cacheControl: cacheControlOf(file),
    identity: { body, etag: etagOf(body) },
    encoded,
  };
}

/**
 * Reads a built app. The served set is every file of the build output except the compressed siblings, the
 * build's own records (`.vite/`, the manifest) and index.html under its own name, which answers at `pagePaths`.
 */
export function loadBuiltApp(directory: string, options: BuiltAppOptions): BuiltApp {
  if (!existsSync(path.join(directory, 'index.html'))) {
    throw new Error(`The ${options.name} has not been built (no ${path.join(directory, 'index.html')}): run npm run build:web`);
  }
  const siblings = new Set<string>(PREPARED_ENCODINGS.map(({ suffix }) => suffix));
  const routes = new Map<string, BuiltFile>();
  for (const file of listFiles(directory)) {
    if (file.startsWith('.') || file.includes('/.') || siblings.has(path.extname(file))) continue;
    const built = loadFile(directory, file);
    if (file === 'index.html') {
      for (const page of options.pagePaths) routes.set(page, built);
    } else {
      routes.set(`${options.base}${file}`, built);
    }
  }
  return { directory, routes };
}

function matches(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}

/**
 * Answers GET or HEAD for one built file. `extraHeaders` are the route's own (a page's CSP). Node's HTTP server
 * drops the body of an answer to HEAD by itself, with the headers of the GET.
 */
export function sendBuiltFile(req: IncomingMessage, res: ServerResponse, built: BuiltFile, extraHeaders: Readonly<Record<string, string>> = {}): void {
  const headers: Record<string, string | number> = {
    'content-type': built.contentType,
    'cache-control': built.cacheControl,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...extraHeaders,
  };
  let representation = built.identity;
  if (built.encoded.size > 0) {
    // Whatever is chosen, a cache must key this answer on the request's Accept-Encoding.
    headers.vary = 'Accept-Encoding';
    const header = req.headers['accept-encoding'];
    const coding = chooseEncoding(Array.isArray(header) ? header.join(',') : header, [...built.encoded.keys()]);
    if (coding === undefined) {
      res.writeHead(406, { 'content-type': 'text/plain; charset=utf-8', vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' });
      res.end('None of the content codings this file is available in is acceptable (br, gzip, identity).\n');
      return;
    }
    if (coding !== 'identity') {
      representation = built.encoded.get(coding) ?? built.identity;
      headers['content-encoding'] = coding;
    }
  }
  headers.etag = representation.etag;
  if (matches(req, representation.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['content-length'] = representation.body.length;
  res.writeHead(200, headers);
  res.end(representation.body);
}

/** The part of restify's Server this needs: routes for GET and HEAD. */
export interface RouteRegistrar {
  get(route: string, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): unknown;
  head(route: string, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): unknown;
}

/** Registers GET and HEAD for every file of the app; `extraHeaders` adds headers to some paths (a page's CSP). */
export function serveBuiltApp(server: RouteRegistrar, app: BuiltApp, extraHeaders: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map()): void {
  for (const [route, built] of app.routes) {
    const headers = extraHeaders.get(route);
    const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => sendBuiltFile(req, res, built, headers);
    server.get(route, serve);
    server.head(route, serve);
  }
}

/**
 * Where `npm run build:web` writes an app: dist/web/<app>. This module runs from dist/lib/http once compiled,
 * and from lib/http in the source tree under ts-jest; either way the build output is the same directory.
 */
export function builtAppDirectory(app: 'page' | 'officer'): string {
  const twoUp = path.resolve(__dirname, '..', '..');
  const dist = path.basename(twoUp) === 'dist' ? twoUp : path.join(twoUp, 'dist');
  return path.join(dist, 'web', app);
}
