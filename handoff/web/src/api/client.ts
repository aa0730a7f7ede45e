/**
 * The HTTP side of the officer API: JSON in and out, the CSRF header on every call that changes something,
 * and errors as ApiError with the service's machine-readable code and details. What a failure means for the
 * session (signed out elsewhere, a password to change) is told to the hooks the session store installs.
 */

export const API_BASE = '/api/officer';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  /** The session has already dealt with it: signed out, or a new password to set first. */
  get handledBySession(): boolean {
    return this.status === 401 || this.code === 'password-change-required' || this.code === 'PasswordChangeRequired';
  }

  /** A conflict with what the conversation or account is now (the contract's `conflict`, or the older code). */
  isConflict(kind: 'already-claimed' | 'not-yours' | 'own-account' | 'username-taken'): boolean {
    const older: Record<string, string> = { 'already-claimed': 'AlreadyClaimed', 'not-yours': 'NotYours', 'own-account': 'OwnAccount', 'username-taken': 'UsernameTaken' };
    return (this.code === 'conflict' && this.details.conflict === kind) || this.code === older[kind];
  }
}

export interface ApiHooks {
  csrfToken(): string | undefined;
  /** A fresh token from the session (another tab may have renewed it), or undefined. */
  renewCsrfToken(): Promise<string | undefined>;
  sessionEnded(): void;
  passwordChangeRequired(): void;
}

let hooks: ApiHooks | undefined;

export function installApiHooks(installed: ApiHooks): void {
  hooks = installed;
}

export interface CallOptions {
  /** The caller handles every failure itself: the session is not told (sign-in, background checks). */
  quiet?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown, csrf: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  try {
    return await fetch(API_BASE + path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'Network', '');
  }
}

async function readError(response: Response): Promise<ApiError> {
  let data: unknown = {};
  if (/json/.test(response.headers.get('content-type') ?? '')) data = await response.json().catch(() => ({}));
  const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error ?? {};
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  return new ApiError(response.status, typeof error.code === 'string' ? error.code : String(response.status), typeof error.message === 'string' ? error.message : '', details);
}

export async function call<T>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
  let response = await send(method, path, body, hooks?.csrfToken());
  if (!response.ok && response.status === 403 && !options.quiet) {
    const failure = await readError(response.clone());
    if ((failure.code === 'csrf' || failure.code === 'CsrfTokenMissing' || failure.code === 'CsrfTokenInvalid') && hooks) {
      const renewed = await hooks.renewCsrfToken();
      if (renewed) response = await send(method, path, body, renewed);
    }
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  const failure = await readError(response);
  if (!options.quiet && hooks) {
    if (failure.status === 401) hooks.sessionEnded();
    else if (failure.code === 'password-change-required' || failure.code === 'PasswordChangeRequired') hooks.passwordChangeRequired();
  }
  throw failure;
}
