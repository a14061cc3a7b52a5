import { DomainError, ServiceUnavailableError } from '../../infrastructure/errors/domain-error.js';

export class FacebookLoginNotConfiguredError extends ServiceUnavailableError {
  constructor() {
    super('FACEBOOK.NOT_CONFIGURED', 'Sign-in with Facebook is not configured on this server (FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are unset)');
  }
}

export class FacebookLoginDeniedError extends DomainError {
  readonly code = 'FACEBOOK.LOGIN_DENIED';
  readonly kind = 'invalid';
  constructor() {
    super('Facebook sign-in was cancelled or permission was denied; nothing was created');
  }
}

/** Facebook refused the authorization code (used, expired, wrong redirect_uri...): its own message. */
export class FacebookCodeRejectedError extends DomainError {
  readonly code = 'FACEBOOK.CODE_REJECTED';
  readonly kind = 'invalid';
  constructor(facebookMessage: string) {
    super(`Facebook rejected the sign-in: ${facebookMessage}`);
  }
}

export class FacebookUnavailableError extends DomainError {
  readonly code = 'FACEBOOK.UNAVAILABLE';
  readonly kind = 'bad_gateway';
  constructor(message = 'Facebook is unreachable or failed; try signing in again later') {
    super(message);
  }
}

/** The Facebook account's email belongs to a user already linked to another Facebook account. */
export class FacebookEmailLinkedElsewhereError extends DomainError {
  readonly code = 'FACEBOOK.EMAIL_LINKED_ELSEWHERE';
  readonly kind = 'conflict';
  constructor() {
    super('The email of this Facebook account belongs to a user who signs in with another Facebook account');
  }
}
