import { DomainError } from '../infrastructure/errors/domain-error.js';

export class CredentialNotFoundError extends DomainError {
  readonly code = 'CREDENTIALS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Credential not found');
  }
}

export class CredentialAlreadyLinkedError extends DomainError {
  readonly code = 'CREDENTIALS.ALREADY_LINKED';
  readonly kind = 'conflict';
  constructor() {
    super('This Facebook account is already linked to the organization; re-link that credential instead');
  }
}

export class CredentialAccountMismatchError extends DomainError {
  readonly code = 'CREDENTIALS.ACCOUNT_MISMATCH';
  readonly kind = 'conflict';
  constructor() {
    super('The authorization belongs to a different Facebook account than the credential being re-linked');
  }
}

/** Facebook answered with an error of its own (bad code, redirect_uri mismatch, invalid token...). */
export class FacebookRejectedError extends DomainError {
  readonly code = 'FACEBOOK.REJECTED';
  readonly kind = 'invalid';
  constructor(
    readonly facebookMessage: string,
    readonly facebookCode: number | undefined,
    readonly facebookSubcode: number | undefined,
  ) {
    super(`Facebook rejected the request: ${facebookMessage}`);
  }
}

export class FacebookTokenNotForThisAppError extends DomainError {
  readonly code = 'FACEBOOK.WRONG_APP';
  readonly kind = 'invalid';
  constructor() {
    super('Facebook says this authorization was issued to another app');
  }
}

export class FacebookTokenInvalidError extends DomainError {
  readonly code = 'FACEBOOK.TOKEN_INVALID';
  readonly kind = 'invalid';
  constructor(detail: string | undefined) {
    super(`Facebook says the access token is not valid${detail ? `: ${detail}` : ''}`);
  }
}

export class InvalidSignedRequestError extends DomainError {
  readonly code = 'FACEBOOK.INVALID_SIGNED_REQUEST';
  readonly kind = 'invalid';
  constructor(why: string) {
    super(`Invalid signed_request: ${why}`);
  }
}

export class DataDeletionRequestNotFoundError extends DomainError {
  readonly code = 'FACEBOOK.DATA_DELETION_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('No data deletion request has this confirmation code');
  }
}
