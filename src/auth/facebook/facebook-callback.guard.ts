import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../../infrastructure/errors/domain-error.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import { OAuthStateStore } from '../../infrastructure/security/oauth-state.store.js';
import type { FacebookIdentity } from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import { clearLoginNonceCookie, loginNonceMatches } from '../session-cookie.js';
import { FacebookCodeRejectedError, FacebookLoginDeniedError, FacebookLoginNotStartedHereError } from './facebook-login.errors.js';
import type { LoginStateBinding } from './facebook-login.options.js';

interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
  error_code?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by FacebookCallbackGuard: what the consumed login state was bound to. */
    facebookLogin?: LoginStateBinding;
  }
}

/**
 * The callback: consumes our single-use `state` first (passport's own state check needs
 * sessions, which this API does not have) and requires the login cookie of the browser that
 * started this sign-in, so nobody can make a victim's browser complete their own sign-in (login
 * CSRF). Then it turns Facebook's denial into a clear 400 and lets passport-facebook exchange the
 * code and read the profile. Passport only touches the reply to redirect, which cannot happen
 * here because a request without `code` never reaches it.
 */
@Injectable()
export class FacebookCallbackGuard extends AuthGuard('facebook') {
  private readonly logger = new Logger('FacebookLogin');

  constructor(private readonly states: OAuthStateStore) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    // Single use, like the state: the login cookie goes with this callback, whatever its outcome.
    clearLoginNonceCookie(http.getResponse<FastifyReply>());
    const query = (request.query ?? {}) as CallbackQuery;
    const binding = await this.states.consume<LoginStateBinding>('login', typeof query.state === 'string' ? query.state : undefined);
    // Checked after consuming, so a state delivered to the wrong browser is spent, not left for another try.
    if (!loginNonceMatches(request, binding.nonceHash)) throw new FacebookLoginNotStartedHereError();
    request.facebookLogin = binding;
    if (query.error !== undefined || query.error_code !== undefined) throw new FacebookLoginDeniedError();
    if (typeof query.code !== 'string' || query.code === '') {
      throw new ValidationFailedError('The Facebook callback has no authorization code', [{ field: 'code', message: 'is required' }]);
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser = FacebookIdentity>(error: unknown, user: TUser | false): TUser {
    if (!error && user) return user;
    if (error instanceof DomainError) throw error;
    if (!error) throw new FacebookLoginDeniedError();
    const { name, message } = error as Error;
    // Facebook refused the code exchange with a 4xx and its own error body.
    if (name === 'FacebookTokenError' || name === 'TokenError') throw new FacebookCodeRejectedError(message);
    // InternalOAuthError (unreachable, unreadable answer), FacebookGraphAPIError (profile read), anything else.
    const cause = (error as { oauthError?: { statusCode?: number; code?: string } }).oauthError;
    const detail = cause ? String(cause.statusCode ?? cause.code) : undefined;
    this.logger.warn(`Facebook sign-in failed: ${name}: ${message}${detail ? ` (${detail})` : ''}`);
    throw new FacebookUnavailableError(detail && /^\d+$/.test(detail) ? `HTTP ${detail}` : 'network error, timeout or an unusable answer');
  }
}
