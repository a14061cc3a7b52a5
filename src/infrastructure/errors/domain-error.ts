/**
 * What went wrong, in transport-neutral terms. The global exception filter maps each kind to
 * an HTTP status, so domain code and handlers never deal in HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  | 'bad_gateway'
  | 'unavailable';

export interface ErrorDetail {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  readonly details?: ErrorDetail[];

  constructor(message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION.FAILED';
  readonly kind = 'invalid';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'AUTH.UNAUTHENTICATED';
  readonly kind = 'unauthenticated';
  constructor(message = 'Authentication required: send a valid bearer token') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code: string = 'AUTH.FORBIDDEN';
  readonly kind = 'forbidden';
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  readonly kind = 'unprocessable';
  constructor() {
    super('This Idempotency-Key was already used with a different request');
  }
}

export class IdempotencyKeyInFlightError extends DomainError {
  readonly code = 'IDEMPOTENCY.IN_PROGRESS';
  readonly kind = 'conflict';
  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry later');
  }
}

export class IdempotentResponseNotReplayableError extends DomainError {
  readonly code = 'IDEMPOTENCY.NOT_REPLAYABLE';
  readonly kind = 'conflict';
  constructor() {
    super(
      'A request with this Idempotency-Key already succeeded; its answer held a secret that is shown only once ' +
        'and is not kept. If it was lost, revoke what it created and issue another.',
    );
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code: string;
  readonly kind = 'unavailable';
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
