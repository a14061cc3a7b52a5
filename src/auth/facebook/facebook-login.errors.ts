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

/** The Facebook account's email belongs to a user already linked to another Facebook account. */
export class FacebookEmailLinkedElsewhereError extends DomainError {
  readonly code = 'FACEBOOK.EMAIL_LINKED_ELSEWHERE';
  readonly kind = 'conflict';
  constructor() {
    super('The email of this Facebook account belongs to a user who signs in with another Facebook account');
  }
}

/**
 * The Facebook account's email belongs to a platform admin. Matching by email would hand the admin
 * account to whoever controls a Facebook account showing that address, so it is never done.
 */
export class FacebookEmailOfAdminError extends DomainError {
  readonly code = 'FACEBOOK.EMAIL_OF_ADMIN';
  readonly kind = 'conflict';
  constructor() {
    super('The email of this Facebook account belongs to a platform admin, who cannot be signed in with Facebook by email; nothing was changed');
  }
}
