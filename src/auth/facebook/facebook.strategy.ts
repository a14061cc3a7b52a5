import { PassportStrategy } from '@nestjs/passport';
import { Strategy, type Profile } from 'passport-facebook';
import type { FacebookIdentity } from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import { FacebookUnavailableError } from './facebook-login.errors.js';
import type { FacebookLoginOptions } from './facebook-login.options.js';

/**
 * passport-facebook for sign-in: exchanges the code (POST /oauth/access_token) and reads
 * /me?fields=id,name,email with appsecret_proof. Built by FacebookLoginModule only when a
 * Facebook app is configured, from settings alone. Sessions are not used: the `state` is
 * checked against our own store before passport runs (FacebookCallbackGuard).
 */
export class FacebookStrategy extends PassportStrategy(Strategy, 'facebook') {
  constructor(options: FacebookLoginOptions) {
    super(options);
  }

  /** Keeps only who the person is; the Facebook token is not needed after sign-in and is dropped here. */
  validate(_accessToken: string, _refreshToken: string, profile: Profile): FacebookIdentity {
    if (!profile.id) throw new FacebookUnavailableError('Facebook returned a profile without an id');
    return {
      facebookUserId: String(profile.id),
      name: profile.displayName?.trim().slice(0, 200) || 'Facebook user',
      email: profile.emails?.[0]?.value ?? null,
    };
  }

  /** A 5xx (or rate limit) from the token endpoint is Facebook failing, not Facebook refusing the code. */
  override parseErrorResponse(body: string, status: number): Error | null {
    if (status >= 500 || status === 429) return new FacebookUnavailableError();
    return super.parseErrorResponse(body, status);
  }
}
