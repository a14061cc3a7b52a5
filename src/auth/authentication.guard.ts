import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../common/principal.js';
import { CALLER_IF_ANY, IS_PUBLIC } from '../common/public.decorator.js';
import { UnauthenticatedError } from '../infrastructure/errors/domain-error.js';
import { tokenKind } from '../infrastructure/security/opaque-token.js';
import { CsrfTokenMismatchError } from './auth.errors.js';
import { presentedToken, PrincipalResolver } from './principal.resolver.js';
import { csrfSatisfied, sessionCookieToken } from './session-cookie.js';

/**
 * Global guard: every route needs a caller unless marked @Public(). The caller is the
 * Authorization header's token or, when there is no such header, the SPA's session cookie
 * (session tokens only, and CSRF-checked on writes).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(CALLER_IF_ANY, targets)) request.principal = await this.callerIfAny(request);
      return true;
    }
    const cookieToken = sessionCookieToken(request);
    if (cookieToken !== undefined && tokenKind(cookieToken) !== 'session') throw new UnauthenticatedError('The session cookie is invalid');
    const token = cookieToken ?? presentedToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError();
    const principal = await this.resolver.resolve(token);
    if (!principal) throw new UnauthenticatedError('The token is invalid, expired or revoked');
    if (cookieToken !== undefined && !csrfSatisfied(request, cookieToken)) throw new CsrfTokenMismatchError();
    request.principal = principal;
    return true;
  }

  /** Read-only routes only (no CSRF check): the same credential precedence as above, never an error. */
  private async callerIfAny(request: FastifyRequest): Promise<Principal | undefined> {
    const cookieToken = sessionCookieToken(request);
    if (cookieToken !== undefined && tokenKind(cookieToken) !== 'session') return undefined;
    const token = cookieToken ?? presentedToken(request.headers.authorization);
    return token ? this.resolver.resolve(token) : undefined;
  }
}
