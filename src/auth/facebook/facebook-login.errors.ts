import { DomainError } from '../../infrastructure/errors/domain-error.js';

export class FacebookLoginDeniedError extends DomainError {
  readonly code = 'FACEBOOK.LOGIN_DENIED';
  readonly kind = 'invalid';
  constructor() {
    super('Facebook sign-in was cancelled or permission was denied; nothing was created');
  }
}

/**
 * The callback came to a browser other than the one that started the sign-in (no login cookie, or
 * another one): someone else's sign-in is being completed here (login CSRF), or the cookie expired.
 */
export class FacebookLoginNotStartedHereError extends DomainError {
  readonly code = 'FACEBOOK.LOGIN_NOT_STARTED_HERE';
  readonly kind = 'invalid';
  constructor() {
    super(
      'This sign-in was not started from this browser or client (its login cookie is missing or does not match); ' +
        'nothing was created. Start again at GET /v1/auth/facebook, keeping its cookie.',
    );
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

/**
 * A Facebook identity seen for the first time shows the email of an existing account. An email shown
 * by Facebook is not proof of owning that account, so it is never matched: that person signs in
 * another way and attaches Facebook explicitly.
 */
export class FacebookEmailInUseError extends DomainError {
  readonly code = 'FACEBOOK.EMAIL_IN_USE';
  readonly kind = 'conflict';
  constructor() {
    super(
      'The email of this Facebook account belongs to an existing account, which is never signed in by email; nothing was changed. ' +
        'Sign in to that account another way and attach Facebook with GET /v1/auth/facebook?link=1.',
    );
  }
}
