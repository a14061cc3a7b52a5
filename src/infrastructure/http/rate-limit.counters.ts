import type { ThrottlerStorage } from '@nestjs/throttler';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** When this window's count starts again from zero (epoch ms). */
  resetsAt: number;
  /** While over the limit: when the block ends (epoch ms); 0 when not blocked. */
  blockedUntil: number;
}

/** Expired windows are dropped this often, so a key seen once does not stay forever. */
const SWEEP_EVERY_MS = 60_000;
/**
 * At most this many keys (callers and addresses) are counted at once: past it, expired windows
 * are dropped and then the oldest, so a flood of addresses cannot grow the process without bound.
 */
export const MAX_KEYS = 100_000;

/**
 * Rate-limit counters in the process: one fixed window per key, O(1) per request and a few
 * numbers per key, the same rules as the Redis storage's script (@nest-lab/throttler-storage-redis)
 * so a caller is counted alike with and without REDIS_URL: the count starts with the first hit
 * and lasts `ttl`; a hit past `limit` blocks the key for `blockDuration`, and the first hit after
 * the block starts a new window.
 *
 * Not @nestjs/throttler's own ThrottlerStorageService: that keeps one timestamp per hit and
 * filters the whole list on every request, O(limit) time and memory per key — at a limit of
 * 100,000 a minute (an internal service) every request copies an array of up to 100,000 numbers.
 */
export class RateLimitCounters implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = MAX_KEYS,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  get size(): number {
    return this.windows.size;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<StorageRecord> {
    return Promise.resolve(this.count(`${key}:${throttlerName}`, ttl, limit, blockDuration));
  }

  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  private count(id: string, ttl: number, limit: number, blockDuration: number): StorageRecord {
    const now = this.clock();
    let window = this.windows.get(id);
    if (!window || (window.blockedUntil === 0 && window.resetsAt <= now) || (window.blockedUntil !== 0 && window.blockedUntil <= now)) {
      window = { hits: 0, resetsAt: now + ttl, blockedUntil: 0 };
      // Re-inserted, so the Map's order stays oldest window first.
      this.windows.delete(id);
      if (this.windows.size >= this.maxKeys) this.evict(now);
      this.windows.set(id, window);
    }
    window.hits++;
    if (window.blockedUntil === 0 && window.hits > limit) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil !== 0;
    return {
      totalHits: window.hits,
      timeToExpire: Math.max(0, Math.ceil((window.resetsAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  private evict(now: number): void {
    this.sweep(now);
    for (const id of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(id);
    }
  }

  private sweep(now = this.clock()): void {
    for (const [id, window] of this.windows) {
      if (Math.max(window.resetsAt, window.blockedUntil) <= now) this.windows.delete(id);
    }
  }
}
