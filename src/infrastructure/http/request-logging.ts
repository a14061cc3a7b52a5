import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';

const SECRET_QUERY = /([?&](?:code|state|access_token|token|signed_request|fb_exchange_token|client_secret|appsecret_proof)=)[^&]*/gi;

/** Query values that are credentials never reach a log line. */
export function scrubUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_QUERY, '$1[REDACTED]');
}

/** What a failed request's log line says about its error (set by the exception filter). */
export interface RequestFailure {
  severity: 'warn' | 'error';
  code: string;
  /** An expected failure's own (client-facing) message. */
  message?: string;
  err?: unknown;
}

declare module 'fastify' {
  interface FastifyRequest {
    failure?: RequestFailure;
  }
}

/**
 * What of an error may be logged: its class, message, code (the SQLSTATE for a database error)
 * and stack, and the same of its cause. A failed query's SQL parameters and the driver's detail
 * (which quotes row values) can hold personal data or secrets, so they never do.
 */
export function loggableError(error: unknown, depth = 0): Record<string, unknown> {
  if (error instanceof QueryFailedError) {
    const driver = error.driverError as { code?: string; constraint?: string; table?: string; message?: string };
    return {
      type: 'QueryFailedError',
      code: driver.code,
      message: driver.message,
      constraint: driver.constraint,
      table: driver.table,
      stack: error.stack,
    };
  }
  if (error instanceof Error) {
    const { code } = error as { code?: unknown };
    const cause = error.cause !== undefined && depth < 3 ? loggableError(error.cause, depth + 1) : undefined;
    return {
      type: error.constructor?.name ?? error.name,
      message: error.message,
      code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
      stack: error.stack,
      cause,
    };
  }
  return { type: typeof error };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's well-formed X-Request-Id so traces join across services; otherwise a UUID. */
export function requestIdFor(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

/**
 * One line per request, written when the answer is sent: method, scrubbed URL, status, time and,
 * for a 5xx, the error. No headers (so no Authorization or cookies) and no secret query values.
 * Successful health probes are not logged: a probe every few seconds would drown everything else.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const failure = request.failure;
    const level = failure?.severity ?? (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');
    const probe = status < 400 && request.url.startsWith('/health/');
    if (!probe && logger.isLevelEnabled(level)) {
      logger[level](
        {
          req: { id: request.id, method: request.method, url: scrubUrl(request.url), remoteAddress: request.ip },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime),
          ...(failure ? { code: failure.code, err: failure.err } : {}),
        },
        failure ? (failure.message ?? 'request failed') : 'request completed',
      );
    }
    done();
  });
}
