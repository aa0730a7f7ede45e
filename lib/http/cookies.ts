import type { IncomingMessage } from 'node:http';

/** One cookie's value from the request, or undefined; oversized Cookie headers are ignored rather than parsed. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  path: string;
  maxAgeSeconds?: number;
  secure: boolean;
}

/** A Set-Cookie value that scripts cannot read and other sites cannot send. */
export function cookie(name: string, value: string, options: CookieOptions): string {
  const age = options.maxAgeSeconds === undefined ? '' : `; Max-Age=${options.maxAgeSeconds}`;
  return `${name}=${encodeURIComponent(value)}; Path=${options.path}${age}; HttpOnly; SameSite=Strict${options.secure ? '; Secure' : ''}`;
}
