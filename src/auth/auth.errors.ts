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

/** The Facebook identity to attach already signs in to another account. */
export class FacebookIdentityInUseError extends DomainError {
  readonly code = 'FACEBOOK.IDENTITY_IN_USE';
  readonly kind = 'conflict';
  constructor() {
    super('This Facebook account is already attached to another account; nothing was changed');
  }
}

/** The account already signs in with a different Facebook identity (one per account). */
export class AccountHasOtherFacebookError extends DomainError {
  readonly code = 'FACEBOOK.ACCOUNT_HAS_OTHER_IDENTITY';
  readonly kind = 'conflict';
  constructor() {
    super('This account is already attached to a different Facebook account; nothing was changed');
  }
}

export class CsrfTokenMismatchError extends ForbiddenError {
  override readonly code = 'AUTH.CSRF';
  constructor() {
    super('A write authenticated by the session cookie needs the X-CSRF-Token header set to the entropy_csrf cookie value');
  }
}
