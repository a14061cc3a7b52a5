import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_BY_ADDRESS = 'entropy:rate-limit-by-address';

/**
 * A public route counted per client address (`AUTH_RATE_LIMIT_PER_MINUTE`): the sign-in routes
 * and the Facebook callbacks, which anyone can call without a token.
 */
export const RateLimitByAddress = () => SetMetadata(RATE_LIMIT_BY_ADDRESS, true);
