import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a storage's `increment` answers (the library does not export the type by name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** When this window's count starts again from zero (epoch ms). */
  resetsAt: number;
  /** While over the limit: when the block ends (epoch ms); 0 when not blocked. */
  blockedUntil: number;
}

/** A window is over once its count and its block (if any) have both run out. */
const isOver = (window: Window, now: number) => Math.max(window.resetsAt, window.blockedUntil) <= now;

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
 * and lasts `ttl`, then starts again; a hit past `limit` blocks the key for `blockDuration`,
 * during which hits are still counted, so a caller that keeps retrying stays blocked.
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

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.count(`${key}:${throttlerName}`, ttl, limit, blockDuration));
  }

  close(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }

  private count(id: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.clock();
    let window = this.windows.get(id);
    if (!window || window.resetsAt <= now) {
      // A new window: (re-)inserted, so the Map stays in the order windows started.
      window = { hits: 0, resetsAt: now + ttl, blockedUntil: window?.blockedUntil ?? 0 };
      this.windows.delete(id);
      if (this.windows.size >= this.maxKeys) this.evict(now);
      this.windows.set(id, window);
    }
    window.hits++;
    // As in Redis, the block has a clock of its own: hits go on counting while it lasts, and the
    // first hit after it is over the limit again if the caller kept hammering.
    if (window.blockedUntil <= now) window.blockedUntil = 0;
    if (window.blockedUntil === 0 && window.hits > limit) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil !== 0;
    return {
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.resetsAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  /**
   * Makes room for one key: drops windows from the oldest end while they are over (or while the
   * map is full), O(1) per key over time. The full sweep is the timer's.
   */
  private evict(now: number): void {
    for (const [id, window] of this.windows) {
      if (this.windows.size < this.maxKeys && !isOver(window, now)) break;
      this.windows.delete(id);
    }
  }

  private sweep(now = this.clock()): void {
    for (const [id, window] of this.windows) {
      if (isOver(window, now)) this.windows.delete(id);
    }
  }
}
