/**
 * Coded domain errors. Every layer throws these for conditions it understands; the layer's single error
 * handler turns them into a log line (code only, never personal data) and an answer (HTTP status or a
 * message in the citizen's language). Anything that is not an AppError is an internal error.
 */

export const ERROR_CODES = {
  CONFIG_INVALID: 500,
  DATA_DIR_UNUSABLE: 500,
  SECRETS_MISSING: 500,
  STORE_CORRUPT: 500,
  STORE_UNAVAILABLE: 503,
  STORE_CLOSED: 503,
  STORE_UNSUPPORTED_FILTER: 500,
  STORE_UNSUPPORTED_UPDATE: 500,
  STORE_UNSUPPORTED_OPTION: 500,
  STORE_INVALID_DOCUMENT: 500,
  STORE_DUPLICATE_KEY: 409,
  STORE_INVALID_NAME: 500,
  STORE_INDEX_CONFLICT: 500,
  STORE_UPDATE_NOT_APPLICABLE: 500,
  STORAGE_ETAG_CONFLICT: 412,
  CONTENT_INVALID: 422,
  COMPLAINT_INCOMPLETE: 422,
  ACCOUNT_INVALID: 422,
  CONTENT_NOT_FOUND: 404,
  CONTENT_DUPLICATE: 409,
  CHANNEL_NOT_REGISTERED: 500,
  CHANNEL_UNSUPPORTED_OPERATION: 501,
  SHUTTING_DOWN: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The HTTP status an API answers with when this error reaches it. */
  readonly status: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/**
 * What may be logged about an error: its name, code and stack frames, but not its message, because messages
 * of errors raised by libraries can quote the input (a citizen's text, a phone number) that caused them.
 * AppError messages are written by us and never carry personal data, so they are kept.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (error instanceof AppError) {
    return { name: error.name, code: error.code, message: error.message, stack: stackFrames(error) };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, code: typeof code === 'string' || typeof code === 'number' ? code : undefined, stack: stackFrames(error) };
  }
  return { name: typeof error };
}

function stackFrames(error: Error): string | undefined {
  if (!error.stack) return undefined;
  return error.stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .map((line) => line.trim())
    .join('\n');
}
