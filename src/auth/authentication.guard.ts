import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../infrastructure/errors/domain-error.js';
import { presentedToken, PrincipalResolver } from './principal.resolver.js';
import { IS_PUBLIC } from './public.decorator.js';

/** Global guard: every route needs a caller unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = presentedToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError();
    const principal = await this.resolver.resolve(token);
    if (!principal) throw new UnauthenticatedError('The token is invalid, expired or revoked');
    request.principal = principal;
    return true;
  }
}
