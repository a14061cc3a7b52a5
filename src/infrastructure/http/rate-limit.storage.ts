import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { RateLimitCounters, type ThrottlerStorageRecord } from './rate-limit.counters.js';

/** A request waits at most this long for Redis before it is counted in the process instead. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 2_000;
/** While Redis stays down, one reminder a minute (with the count) rather than a line per request. */
const REMIND_EVERY_MS = 60_000;

/**
 * Where the rate-limit counters live. Without REDIS_URL: in the process (RateLimitCounters, the
 * same fixed windows as the Redis script). With it: in Redis, shared by every replica.
 *
 * Fails open, to counting in the process: when Redis does not answer (down, unreachable, slower
 * than COMMAND_TIMEOUT_MS) the request is counted here, as without REDIS_URL, so each replica
 * still enforces the limit alone. The limiter protects the API; it must not take it down. The
 * fall-back is logged once when it starts (and once a minute while it lasts, with the number of
 * requests counted locally), once when Redis is back, and /health/ready reports `redis: "down"`.
 * ioredis is set to fail fast: no offline queue and one retry, or every request would hang
 * while Redis is away.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly local = new RateLimitCounters();
  private readonly redis: Redis | undefined;
  private readonly shared: ThrottlerStorageRedisService | undefined;
  private down = false;
  private lastReminder = 0;
  /** Requests counted in the process because Redis did not answer, since the process started. */
  fallbacks = 0;

  constructor(@Inject(appConfig.KEY) settings: AppConfig) {
    if (!settings.redisUrl) return;
    this.redis = new Redis(settings.redisUrl, {
      keyPrefix: 'entropy:rate-limit:',
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    // Reconnection is ioredis's own (with backoff); its errors are reported by increment() below.
    this.redis.on('error', () => undefined);
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  get configured(): boolean {
    return this.redis !== undefined;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.shared) return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.down) this.recovered();
      return record;
    } catch (error) {
      this.failed(error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /** For /health/ready: undefined when Redis is not configured. */
  async state(): Promise<'up' | 'down' | undefined> {
    if (!this.redis) return undefined;
    try {
      await this.redis.ping();
      return 'up';
    } catch {
      return 'down';
    }
  }

  onApplicationShutdown(): void {
    this.local.close();
    this.redis?.disconnect(false);
  }

  private failed(error: unknown): void {
    this.fallbacks++;
    const now = Date.now();
    if (!this.down) {
      this.down = true;
      this.lastReminder = now;
      this.logger.warn({ err: error }, 'Redis does not answer: rate limits are counted per process until it does (fail-open)');
    } else if (now - this.lastReminder >= REMIND_EVERY_MS) {
      this.lastReminder = now;
      this.logger.warn(
        { err: error, countedPerProcess: this.fallbacks },
        'Redis still does not answer: rate limits are counted per process',
      );
    }
  }

  private recovered(): void {
    this.down = false;
    this.logger.log({ countedPerProcess: this.fallbacks }, 'Redis answers again: rate limits are shared by the replicas again');
  }
}
