import { DomainError } from '../errors/domain-error.js';

/** Seconds a client is asked to wait before retrying a request the database could not serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The database could not serve the request in time (a lock, a statement or a wait for a
 * connection past DATABASE_TIMEOUT_MS) or the connection died under it. Retrying is safe.
 */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE.UNAVAILABLE';
  readonly kind = 'unavailable';
  readonly retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS;
  constructor(message = 'The database is busy or unreachable; retry shortly') {
    super(message);
  }
}
