import type { Request, Response, Server } from 'restify';
import { AppError, describeErrorForLog } from '../errors';
import type { Logger } from '../logger';
import { requestUrl } from './requestUrl';

/**
 * One error handler for the HTTP layer. Every error that reaches restify, ours or restify's own (404, 405,
 * 413, bad JSON), leaves as `{"error": {"code", "message"}}` (the shape Direct Line 3.0 uses) with a precise
 * status. 5xx bodies never carry internals: the message is generic and the details go to the log.
 */

export interface ErrorBody {
  error: { code: string; message: string; details?: Readonly<Record<string, unknown>> };
}

/**
 * An API with its own error codes (the officer API's, lib/contract/officer/errors.ts) answers the errors of its
 * paths itself, whatever raised them (a route, a body reader, restify's own 404): `answer` gets the error and the
 * answer the shared rules would give, and returns the API's own.
 */
export interface ErrorDialect {
  pathPrefix: string;
  answer(error: unknown, shared: { status: number; body: ErrorBody }): { status: number; body: ErrorBody };
}

interface RestifyLikeError extends Error {
  statusCode?: number;
  body?: { code?: string; message?: string };
  toJSON?: () => unknown;
}

/** Restify's error names ('ResourceNotFound') become the short codes clients see. */
const RESTIFY_CODES: Record<number, string> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

/** An error a route throws to answer a client with a 4xx; the message is shown to the client as is. */
export class HttpError extends Error {
  /** @param details machine-readable facts about the error (the field at fault, when to retry), sent as they are. */
  constructor(readonly statusCode: number, readonly code: string, message: string, readonly details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } } };
  }
  if (error instanceof AppError) {
    const status = error.status;
    const message = status >= 500 ? 'The service could not complete the request' : error.message;
    return { status, body: { error: { code: error.code, message } } };
  }
  const restifyError = error as RestifyLikeError;
  const status = typeof restifyError.statusCode === 'number' ? restifyError.statusCode : 500;
  if (status >= 500 && status !== 503) {
    return { status, body: { error: { code: 'ServiceError', message: 'The service could not complete the request' } } };
  }
  const code = RESTIFY_CODES[status] ?? 'BadRequest';
  const message = restifyError.body?.message ?? restifyError.message ?? code;
  return { status, body: { error: { code, message } } };
}

export function installErrorHandling(server: Server, logger: Logger, dialects: readonly ErrorDialect[] = []): void {
  server.on('restifyError', (req: Request, _res: Response, error: RestifyLikeError, callback: () => void) => {
    const shared = errorBody(error);
    const path = requestUrl(req)?.pathname ?? '';
    const dialect = dialects.find((candidate) => path === candidate.pathPrefix || path.startsWith(`${candidate.pathPrefix}/`));
    const { status, body } = dialect ? dialect.answer(error, shared) : shared;
    if (status >= 500) {
      logger.error({ reqId: req.id(), err: describeErrorForLog(error), status }, 'request failed');
    }
    error.statusCode = status;
    error.toJSON = () => body;
    return callback();
  });
}
