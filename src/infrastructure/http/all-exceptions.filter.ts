import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../database/database.errors.js';
import { isDatabaseUnavailable } from '../database/postgres-errors.js';
import { DomainError, type ErrorDetail } from '../errors/domain-error.js';
import { STATUS_BY_KIND } from './error-status.js';
import type { RequestFailure } from './request-logging.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
};

export interface ErrorBody {
  message: string;
  statusCode: number;
  error: string;
  code: string;
  details?: ErrorDetail[];
}

interface Translated {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  retryAfterSeconds?: number;
}

/** Framework and Fastify errors carry a numeric status of their own (body too large, bad JSON...). */
function frameworkStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export function translateError(error: unknown): Translated {
  if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) error = new DatabaseUnavailableError();
  if (error instanceof DomainError) {
    const retryAfterSeconds = error instanceof DatabaseUnavailableError ? error.retryAfterSeconds : undefined;
    return { status: STATUS_BY_KIND[error.kind], code: error.code, message: error.message, details: error.details, retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : error.message;
    return { status, code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'REQUEST.INVALID'), message };
  }
  const status = frameworkStatus(error);
  if (status) {
    const message = status === 413 ? 'Request body is larger than the 100 kB limit' : (error as Error).message;
    return { status, code: CODE_BY_STATUS[status] ?? 'REQUEST.INVALID', message };
  }
  return { status: 500, code: 'INTERNAL', message: 'Internal server error' };
}

export function errorBody(t: Translated): ErrorBody {
  const body: ErrorBody = { message: t.message, statusCode: t.status, error: STATUS_CODES[t.status] ?? 'Error', code: t.code };
  if (t.details?.length) body.details = t.details;
  return body;
}

export function sendError(reply: FastifyReply, error: unknown, logger: Logger, request?: FastifyRequest): void {
  const translated = translateError(error);
  if (translated.status >= 500) {
    // A DomainError's 5xx is a known condition (Facebook down, database unavailable): a warning
    // with its code. Anything else is a defect: an error with the class, message and stack.
    const expected = error instanceof DomainError;
    const failure: RequestFailure = expected
      ? { severity: 'warn', code: translated.code, message: translated.message }
      : { severity: 'error', code: translated.code, err: error };
    // The request's own log line carries it, so one failing request is one line.
    if (request) request.failure = failure;
    else logger[failure.severity]({ code: failure.code, err: failure.err }, failure.message ?? 'Request failed');
  }
  if (translated.status === 401) {
    reply.header('WWW-Authenticate', 'Bearer realm="entropy"');
  }
  if (translated.retryAfterSeconds !== undefined) {
    reply.header('Retry-After', String(translated.retryAfterSeconds));
  }
  void reply.status(translated.status).type('application/json; charset=utf-8').send(errorBody(translated));
}

/** The one place errors become the contract's error body; never leaks stacks, SQL or secrets. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(http.getResponse<FastifyReply>(), exception, this.logger, http.getRequest<FastifyRequest>());
  }
}
