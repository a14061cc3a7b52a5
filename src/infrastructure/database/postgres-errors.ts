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
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code) || SOCKET_ERRORS.has(code))) {
      return true;
    }
    if (UNAVAILABLE_MESSAGES.some((message) => current instanceof Error && current.message.startsWith(message))) return true;
    current = current instanceof QueryFailedError ? current.driverError : current.cause;
  }
  return false;
}
