import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface UserPrincipal {
  kind: 'user';
  userId: number;
  isAdmin: boolean;
  sessionId: string;
}

export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  organizationId: string;
  read: boolean;
  write: boolean;
  delete: boolean;
}

/** Who is calling: a signed-in user (session) or an organization authorization token. */
export type Principal = UserPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
