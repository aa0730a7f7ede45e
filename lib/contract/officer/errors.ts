import { z } from 'zod';

/**
 * Every officer API error is `{ error: { code, message, details? } }`. `code` is one of ERROR_CODES and is what
 * clients branch on; `message` is for people reading logs and is never parsed; `details`, when the code has
 * them, carry what the app needs to say it in words (the field at fault, the rule broken, when to try again).
 */

export const ERROR_CODES = [
  /** No valid session: sign in. */
  'unauthenticated',
  /** A wrong username or password, or a disabled or locked account: one answer for all of them. */
  'invalid-credentials',
  /** An unsafe method without the session's x-csrf-token. */
  'csrf',
  /** The role does not allow it; details: `{ requires }`. */
  'forbidden',
  /** The account must set a new password before anything else. */
  'password-change-required',
  /** Nothing there, or outside the officer's scope (the same answer). */
  'not-found',
  /** A request field breaks a rule; details: `{ field, rule, limit? }`. */
  'validation',
  /** A centre code the directory does not know; details: `{ field, codes }`. */
  'unknown-centre',
  /** The request conflicts with the current state; details: `{ conflict }`. */
  'conflict',
  /** Too many wrong passwords from this network: wait; details: `{ until, retryAfter }`. */
  'locked-out',
  /** Too many attempts from this network; details: `{ retryAfter }`. */
  'rate-limited',
  /** The body or a file is larger than allowed; details: `{ limit? }` in bytes. */
  'too-large',
  /** The service cannot keep more uploaded files; details: `{ quota }`. */
  'quota-exceeded',
  /** Not a content type the route takes. */
  'unsupported-media-type',
  /** No such route or method. */
  'method-not-allowed',
  /** The service failed; nothing about why is told. */
  'service-error',
] as const;
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;

/** The rules a field can break. */
export const VALIDATION_RULES = [
  'required',
  'type',
  'too-short',
  'too-long',
  'too-few',
  'too-many',
  /** A number below its least, or above its most. */
  'too-small',
  'too-big',
  'count',
  'format',
  'one-of',
  'not-a-date',
  'ends-before-start',
  'no-opening',
  'duplicate',
  'unknown-field',
  'centres-required',
  'contains-username',
  'same-as-before',
  'wrong-password',
  'content',
] as const;
export const validationRule = z.enum(VALIDATION_RULES);
export type ValidationRule = z.infer<typeof validationRule>;

/** What a `conflict` is about. */
export const CONFLICTS = ['already-claimed', 'not-yours', 'own-account', 'username-taken', 'canned-id-taken'] as const;
export const conflictKind = z.enum(CONFLICTS);
export type ConflictKind = z.infer<typeof conflictKind>;

export const validationDetails = z.strictObject({
  /** The field at fault as a dotted path (`centres.2`, `weekly.1.0.end`); `body` for the body as a whole. */
  field: z.string(),
  rule: validationRule,
  /** The limit the rule names: a length, a count. */
  limit: z.number().optional(),
});
export type ValidationDetails = z.infer<typeof validationDetails>;

const plain = <C extends ErrorCode>(code: C) => z.strictObject({ code: z.literal(code), message: z.string() });

/** The `error` member of an error body, one shape per code. */
export const apiError = z.discriminatedUnion('code', [
  plain('unauthenticated'),
  plain('invalid-credentials'),
  plain('csrf'),
  z.strictObject({ code: z.literal('forbidden'), message: z.string(), details: z.strictObject({ requires: z.enum(['admin']) }).optional() }),
  plain('password-change-required'),
  plain('not-found'),
  z.strictObject({ code: z.literal('validation'), message: z.string(), details: validationDetails }),
  z.strictObject({ code: z.literal('unknown-centre'), message: z.string(), details: z.strictObject({ field: z.string(), codes: z.array(z.string()) }) }),
  z.strictObject({ code: z.literal('conflict'), message: z.string(), details: z.strictObject({ conflict: conflictKind }) }),
  z.strictObject({ code: z.literal('locked-out'), message: z.string(), details: z.strictObject({ until: z.iso.datetime(), retryAfter: z.number().int().positive() }) }),
  z.strictObject({ code: z.literal('rate-limited'), message: z.string(), details: z.strictObject({ retryAfter: z.number().int().positive() }) }),
  z.strictObject({ code: z.literal('too-large'), message: z.string(), details: z.strictObject({ limit: z.number().int().positive() }).optional() }),
  z.strictObject({ code: z.literal('quota-exceeded'), message: z.string(), details: z.strictObject({ quota: z.enum(['conversation', 'total']) }) }),
  plain('unsupported-media-type'),
  plain('method-not-allowed'),
  plain('service-error'),
]);
export type ApiError = z.infer<typeof apiError>;
export type ApiErrorDetails<C extends ErrorCode> = Extract<ApiError, { code: C }> extends { details?: infer D } ? D : never;

export const errorBody = z.strictObject({ error: apiError });
export type ErrorBody = z.infer<typeof errorBody>;
