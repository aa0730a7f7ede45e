import type { z } from 'zod';
import { type ApiError, type ApiErrorDetails, type ConflictKind, ERROR_CODES, type ErrorCode, OFFICER_API, type ValidationRule } from '../../lib/contract/officer';
import { AppError } from '../../lib/errors';
import { type ErrorBody, type ErrorDialect, HttpError } from '../../lib/http/errors';

/**
 * The officer API's errors: `{ error: { code, message, details? } }` with a code from the contract's one enum
 * (lib/contract/officer/errors.ts). Routes throw them through the helpers below; whatever else fails on the API's
 * paths (a body reader, an upload, restify's own 404) is put into the same shape by `officerErrors`.
 */

/** An officer API error: its status, code and details typed by the contract. */
export function officerError<C extends ErrorCode>(status: number, code: C, message: string, ...details: ApiErrorDetails<C> extends never ? [] : [ApiErrorDetails<C>]): HttpError {
  return new HttpError(status, code, message, details[0] as Readonly<Record<string, unknown>> | undefined);
}

export const unauthenticated = () => officerError(401, 'unauthenticated', 'Sign in first');
export const notFound = (what: string) => officerError(404, 'not-found', `No such ${what}`);
export const adminsOnly = (what: string) => officerError(403, 'forbidden', `Only admins ${what}`, { requires: 'admin' });
export const conflict = (conflict: ConflictKind, message: string) => officerError(409, 'conflict', message, { conflict });
export const unknownCentre = (field: string, codes: readonly string[]) =>
  officerError(400, 'unknown-centre', `Unknown centre codes: ${codes.slice(0, 20).join(', ')}`, { field, codes: codes.slice(0, 20) });

export function invalid(field: string, rule: ValidationRule, message: string, limit?: number): HttpError {
  return officerError(400, 'validation', message, { field, rule, ...(limit !== undefined ? { limit } : {}) });
}

/** The first problem zod found, as the field at fault and the rule it breaks. */
export function fromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): HttpError {
  const issue = error.issues[0];
  const path = [...prefix, ...issue.path];
  let field = path.map(String).join('.') || 'body';
  let rule: ValidationRule = 'format';
  let limit: number | undefined;
  switch (issue.code) {
    case 'invalid_type':
      rule = issue.input === undefined ? 'required' : 'type';
      break;
    case 'too_small':
      limit = Number(issue.minimum);
      rule = issue.origin === 'array' || issue.origin === 'set' ? 'too-few' : issue.origin === 'string' ? (limit === 1 ? 'required' : 'too-short') : 'too-small';
      break;
    case 'too_big':
      limit = Number(issue.maximum);
      rule = issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : issue.origin === 'string' ? 'too-long' : 'too-big';
      break;
    case 'invalid_value':
    case 'invalid_union':
      rule = 'one-of';
      break;
    case 'unrecognized_keys':
      field = [...path, issue.keys[0]].map(String).join('.');
      rule = 'unknown-field';
      break;
    case 'custom': {
      const named = (issue.params as { rule?: ValidationRule } | undefined)?.rule;
      if (named) rule = named;
      break;
    }
    default:
      rule = 'format';
  }
  return invalid(field, rule, `${field}: ${issue.message}`, limit);
}

const OFFICER_CODES: readonly string[] = ERROR_CODES;

/** What any other error on the officer API's paths becomes, by its status (and the quota an upload exceeded). */
function translate(error: unknown, shared: { status: number; body: ErrorBody }): { status: number; body: { error: ApiError } } {
  const { status } = shared;
  const message = shared.body.error.message;
  const answer = (error: ApiError) => ({ status, body: { error } });
  const code = error instanceof HttpError || error instanceof AppError ? error.code : undefined;
  if (code === 'ConversationQuotaExceeded') return answer({ code: 'quota-exceeded', message, details: { quota: 'conversation' } });
  if (code === 'StorageQuotaExceeded') return answer({ code: 'quota-exceeded', message, details: { quota: 'total' } });
  switch (status) {
    case 400:
      return answer({ code: 'validation', message, details: { field: 'body', rule: 'format' } });
    case 401:
      return answer({ code: 'unauthenticated', message });
    case 403:
      return answer({ code: 'forbidden', message });
    case 404:
      return answer({ code: 'not-found', message });
    case 405:
      return answer({ code: 'method-not-allowed', message });
    case 413:
      return answer({ code: 'too-large', message });
    case 415:
      return answer({ code: 'unsupported-media-type', message });
    case 429:
      return answer({ code: 'rate-limited', message, details: { retryAfter: 1 } });
    default:
      return status >= 500 ? { status, body: { error: { code: 'service-error', message } } } : answer({ code: 'validation', message, details: { field: 'body', rule: 'format' } });
  }
}

/** The officer API's error dialect for the HTTP layer's one error handler (lib/http/errors.ts). */
export const officerErrors: ErrorDialect = {
  pathPrefix: OFFICER_API,
  answer(error, shared) {
    if (error instanceof HttpError && OFFICER_CODES.includes(error.code)) return shared;
    return translate(error, shared);
  },
};
