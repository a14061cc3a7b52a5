import { DomainError, ServiceUnavailableError } from '../errors/domain-error.js';

/** No Facebook app is configured: every Facebook feature (sign-in, credentials, callbacks) answers 503. */
export class FacebookNotConfiguredError extends ServiceUnavailableError {
  constructor() {
    super('FACEBOOK.NOT_CONFIGURED', 'Facebook is not configured on this server: FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are unset');
  }
}

/** Facebook could not be reached, timed out, or failed (5xx, rate limit, an unreadable answer). */
export class FacebookUnavailableError extends DomainError {
  readonly code = 'FACEBOOK.UNAVAILABLE';
  readonly kind = 'bad_gateway';
  constructor(readonly reason = 'no usable answer') {
    super(`Facebook is unavailable (${reason}); try again later`);
  }
}
