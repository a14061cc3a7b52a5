import { DomainError, ForbiddenError } from '../infrastructure/errors/domain-error.js';

export class UserNotFoundError extends DomainError {
  readonly code = 'USERS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(email: string) {
    super(`No user has the email ${email}`);
  }
}

export class EmailTakenError extends DomainError {
  readonly code = 'USERS.EMAIL_TAKEN';
  readonly kind = 'conflict';
  constructor(email: string) {
    super(`A user with the email ${email} already exists`);
  }
}

export class CsrfTokenMismatchError extends ForbiddenError {
  override readonly code = 'AUTH.CSRF';
  constructor() {
    super('A write authenticated by the session cookie needs the X-CSRF-Token header set to the entropy_csrf cookie value');
  }
}
