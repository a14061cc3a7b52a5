import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './api-errors.decorator.js';

export const RATE_LIMIT_BY_ADDRESS = 'entropy:rate-limit-by-address';

/** The 429 as OpenAPI states it, on every route a rate limit counts. */
export const RATE_LIMITED_RESPONSE = {
  description: 'Over the rate limit; retry after `Retry-After` seconds',
  headers: {
    'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
    'RateLimit-Limit': { description: 'Requests allowed a minute', schema: { type: 'integer' } },
    'RateLimit-Remaining': { description: 'Requests left in this minute', schema: { type: 'integer' } },
    'RateLimit-Reset': { description: 'Seconds until the count starts again', schema: { type: 'integer' } },
  },
};

/**
 * A public route counted per client address (`AUTH_RATE_LIMIT_PER_MINUTE`): the sign-in routes
 * and the Facebook callbacks, which anyone can call without a token.
 */
export const RateLimitByAddress = () =>
  applyDecorators(SetMetadata(RATE_LIMIT_BY_ADDRESS, true), ApiResponse({ status: 429, type: ErrorResponseDto, ...RATE_LIMITED_RESPONSE }));
