import { Injectable, type ExecutionContext } from '@nestjs/common';
import { normalizeIp, ThrottlerException, ThrottlerGuard, type ThrottlerOptions, type ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../common/principal.js';
import { IS_PUBLIC } from '../../common/public.decorator.js';
import { RATE_LIMIT_BY_ADDRESS } from './rate-limit.decorator.js';
import { PER_ADDRESS, PER_CALLER } from './rate-limit.options.js';

/** A token is counted by its id, a session by its id: never by the address it comes from. */
const callerKey = (principal: Principal) => (principal.kind === 'token' ? `token:${principal.tokenId}` : `session:${principal.sessionId}`);

/**
 * Global guard, registered after the AuthenticationGuard so the caller is known. Each route is
 * counted by one limit at most: @RateLimitByAddress routes per client address, authenticated
 * routes per caller, other public routes (health) not at all. Every counted answer carries
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds); over the limit it is
 * 429 with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const throttler = this.throttlerFor(context, request);
    if (!throttler) return true;
    const ttl = throttler.ttl as number;
    return this.handleRequest({
      context,
      throttler,
      limit: throttler.limit as number,
      ttl,
      blockDuration: ttl,
      getTracker: (req) =>
        throttler.name === PER_ADDRESS ? normalizeIp((req as FastifyRequest).ip) : callerKey((req as FastifyRequest).principal!),
      generateKey: this.commonOptions.generateKey!,
    });
  }

  private throttlerFor(context: ExecutionContext, request: FastifyRequest): ThrottlerOptions | undefined {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(RATE_LIMIT_BY_ADDRESS, targets)) return this.named(PER_ADDRESS);
    if (request.principal) return this.named(PER_CALLER);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return undefined;
    // A route that needs a caller has one by now, unless the guards run in the wrong order.
    throw new Error('RateLimitGuard ran before AuthenticationGuard: import RateLimitModule after AuthModule');
  }

  private named(name: string): ThrottlerOptions {
    return this.throttlers.find((throttler) => throttler.name === name)!;
  }

  protected override async handleRequest({
    context,
    limit,
    ttl,
    blockDuration,
    throttler,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = generateKey(context, await getTracker(request, context), throttler.name!);
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      throttler.name!,
    );
    void reply.header('RateLimit-Limit', limit);
    void reply.header('RateLimit-Remaining', Math.max(0, limit - totalHits));
    void reply.header('RateLimit-Reset', isBlocked ? timeToBlockExpire : timeToExpire);
    if (!isBlocked) return true;
    void reply.header('Retry-After', timeToBlockExpire);
    const who = throttler.name === PER_ADDRESS ? 'from this address on the sign-in routes' : 'for this caller';
    throw new ThrottlerException(`Too many requests: at most ${limit} a minute ${who}; retry after ${timeToBlockExpire} s`);
  }
}
