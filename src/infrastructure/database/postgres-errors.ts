import { QueryFailedError } from 'typeorm';

/** True when the error is a Postgres unique violation (optionally of the named constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/**
 * SQLSTATEs that say "not now" rather than "wrong": statement or lock timeout, the server
 * shutting down or terminating our backend, an idle transaction cut off.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '25P03', '53300']);
/** Connection exceptions (class 08). */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;
/** Socket errors a pg client raises when the server is gone. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** pg and pg-pool raise these as plain Errors, without a code. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * True when the database could not serve the statement in time or lost the connection: the
 * request may succeed if retried, so it is a 503, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // pg raises its own errors; TypeORM wraps a failed statement's in QueryFailedError. Nothing else
  // is looked into (a `cause` may be another service's socket error).
  const candidate = error instanceof QueryFailedError ? error.driverError : error;
  if (!(candidate instanceof Error)) return false;
  const { code } = candidate as { code?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code) || SOCKET_ERRORS.has(code))) {
    return true;
  }
  return UNAVAILABLE_MESSAGES.some((message) => candidate.message.startsWith(message));
}
