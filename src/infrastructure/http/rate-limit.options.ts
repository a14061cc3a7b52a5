import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppSettings } from '../config/app.config.js';

/** The two limits the contract names; each route is counted by one of them at most. */
export const PER_CALLER = 'caller';
export const PER_ADDRESS = 'address';

const MINUTE_MS = 60_000;

/** Where the counters live (the process, or Redis with REDIS_URL) is rate-limit.storage.ts's business. */
export function rateLimitOptions(settings: AppSettings): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: PER_CALLER, ttl: MINUTE_MS, limit: settings.rateLimits.perCallerPerMinute },
      { name: PER_ADDRESS, ttl: MINUTE_MS, limit: settings.rateLimits.perAddressPerMinute },
    ],
    // One count per caller (or address) over all routes, not the library's default of one per route.
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
  };
}
