import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { DomainError, ValidationFailedError } from '../../infrastructure/errors/domain-error.js';
import { OAuthStateStore } from '../../infrastructure/security/oauth-state.store.js';
import type { FacebookIdentity } from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import { FacebookCodeRejectedError, FacebookLoginDeniedError, FacebookUnavailableError } from './facebook-login.errors.js';
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
 * sessions, which this API does not have), turns Facebook's denial into a clear 400, then lets
 * passport-facebook exchange the code and read the profile. Passport only touches the reply to
 * redirect, which cannot happen here because a request without `code` never reaches it.
 */
@Injectable()
export class FacebookCallbackGuard extends AuthGuard('facebook') {
  private readonly logger = new Logger('FacebookLogin');

  constructor(private readonly states: OAuthStateStore) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const query = (request.query ?? {}) as CallbackQuery;
    request.facebookLogin = await this.states.consume<LoginStateBinding>('login', typeof query.state === 'string' ? query.state : undefined);
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
    this.logger.warn(`Facebook sign-in failed: ${name}: ${message}${cause ? ` (${cause.statusCode ?? cause.code})` : ''}`);
    throw new FacebookUnavailableError();
  }
}
