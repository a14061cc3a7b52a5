import { DomainError } from '../infrastructure/errors/domain-error.js';

export class AuthorizationTokenNotFoundError extends DomainError {
  readonly code = 'TOKENS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Authorization token not found');
  }
}

export class ExpiryInPastError extends DomainError {
  readonly code = 'TOKENS.EXPIRES_AT_IN_PAST';
  readonly kind = 'invalid';
  constructor() {
    super('expires_at must be in the future', [{ field: 'expires_at', message: 'must be in the future' }]);
  }
}

export class TokenLimitError extends DomainError {
  readonly code = 'TOKENS.LIMIT';
  readonly kind = 'conflict';
  constructor(limit: number) {
    super(`An organization has at most ${limit} active authorization tokens; revoke one first`);
  }
}
