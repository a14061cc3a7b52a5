import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { QueryFailedError } from 'typeorm';
import type { AppSettings } from '../config/app.config.js';

const SECRET_QUERY = /([?&](?:code|state|access_token|token|signed_request|fb_exchange_token|client_secret|appsecret_proof)=)[^&]*/gi;

/** Query values that are credentials never reach a log line. */
export function scrubUrl(url: string | undefined): string | undefined {
  return url?.replace(SECRET_QUERY, '$1[REDACTED]');
}

/**
 * What of an error may be logged: a failed query's SQL parameters and the driver's detail (which
 * quotes row values) can hold personal data or secrets, so only codes and names stay.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (error instanceof QueryFailedError) {
    const driver = error.driverError as { code?: string; constraint?: string; table?: string; message?: string };
    return { type: 'QueryFailedError', code: driver.code, constraint: driver.constraint, table: driver.table, message: driver.message };
  }
  if (error instanceof Error) return { type: error.name, message: error.message, stack: error.stack };
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
 * Structured JSON logs. Requests are logged through a whitelist serializer: no headers (so no
 * Authorization or cookies) and no secret query values.
 */
export function loggerParams(settings: AppSettings): Params {
  return {
    pinoHttp: {
      level: settings.logLevel,
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: scrubUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: loggableError,
      },
      redact: {
        paths: ['req.headers', 'res.headers', '*.authorization', '*.cookie', '*.token', '*.access_token', '*.code', '*.state'],
        remove: true,
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url?.startsWith('/health/') ?? false },
    },
  };
}
