import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../infrastructure/events/cloud-event.js';
import type { WorkContext } from '../infrastructure/database/unit-of-work.js';

export interface UserPrincipal {
  kind: 'user';
  userId: number;
  isAdmin: boolean;
  sessionId: string;
  /** The X-Request-Id of the request this principal acts in (see CurrentPrincipal). */
  requestId?: string;
}

export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  organizationId: string;
  read: boolean;
  write: boolean;
  delete: boolean;
  /** The X-Request-Id of the request this principal acts in (see CurrentPrincipal). */
  requestId?: string;
}

/** Who is calling: a signed-in user (session) or an organization authorization token. */
export type Principal = UserPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * The caller, with the request's id attached. Commands already carry the principal as a plain
 * value, so this is how the correlation id reaches the event log (UnitOfWork.run(work,
 * workContextOf(principal))) without a parameter on every command, request-scoped providers or
 * an AsyncLocalStorage that every request (the hot GETs too) would pay for. A copy: the resolved
 * principal may be shared (cached) between requests.
 */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const principal = request.principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return { ...principal, requestId: request.id };
});

export function actorOfPrincipal(principal: Principal): Actor {
  return principal.kind === 'user' ? { type: 'user', id: principal.userId } : { type: 'token', id: principal.tokenId };
}

/** Who caused a unit of work and which request it belongs to, for the events it writes. */
export function workContextOf(principal: Principal): WorkContext {
  return { actor: actorOfPrincipal(principal), correlationId: principal.requestId ?? null };
}
