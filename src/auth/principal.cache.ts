import type { Principal } from '../common/principal.js';

/** The NOTIFY channel the principal-invalidation triggers send on (migration 1763800030000). */
export const PRINCIPALS_CHANNEL = 'entropy_principals';

/** Entries at most; the least recently used goes first. */
export const PRINCIPAL_CACHE_SIZE = 10_000;
/** A safety net only: invalidation is by NOTIFY, so an entry normally dies the moment it is revoked. */
export const PRINCIPAL_CACHE_TTL_MS = 30_000;

interface Entry {
  principal: Principal;
  /** Epoch milliseconds: the TTL or the token's own expiry, whichever comes first. */
  expiresAt: number;
}

/**
 * Token hash → principal, in this process. It answers only while `enabled`, which the invalidation
 * listener sets while it is subscribed: a notification missed while it is not could leave a
 * revoked token cached, so then every lookup goes to the database and the cache is emptied.
 *
 * A lookup that raced a revocation must not store what it read before the revocation: `ticket()`
 * is taken before the query and `set()` stores only if no invalidation happened since.
 *
 * Provided by a factory (auth.module.ts), so each application instance has its own.
 */
export class PrincipalCache {
  /** A Map iterates in insertion order; re-inserting on a hit makes that the LRU order. */
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private enabled = false;
  private received = 0;

  constructor(
    private readonly maxSize = PRINCIPAL_CACHE_SIZE,
    private readonly ttlMs = PRINCIPAL_CACHE_TTL_MS,
  ) {}

  get active(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Invalidations received so far (from the listener), for tests and diagnostics. */
  get invalidations(): number {
    return this.received;
  }

  get(tokenHash: string, now = Date.now()): Principal | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    this.entries.delete(tokenHash);
    if (entry.expiresAt <= now) return undefined;
    this.entries.set(tokenHash, entry);
    return entry.principal;
  }

  /** Taken before reading the database; hand it back to `set`. */
  ticket(): number {
    return this.generation;
  }

  /** `validForMs`: how long the token itself stays valid (undefined: no expiry of its own). */
  set(tokenHash: string, principal: Principal, validForMs: number | undefined, ticket: number, now = Date.now()): void {
    if (!this.enabled || ticket !== this.generation) return;
    const expiresAt = now + Math.min(this.ttlMs, validForMs ?? Infinity);
    if (expiresAt <= now) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.maxSize) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { principal: Object.freeze(principal), expiresAt });
  }

  /** A trigger's payload: a token hash, `user:<id>`, or `*`. */
  invalidate(payload: string): void {
    this.generation++;
    this.received++;
    if (payload === '*') {
      this.entries.clear();
      return;
    }
    if (payload.startsWith('user:')) {
      const userId = Number(payload.slice('user:'.length));
      for (const [hash, { principal }] of this.entries) {
        if (principal.kind === 'user' && principal.userId === userId) this.entries.delete(hash);
      }
      return;
    }
    this.entries.delete(payload);
  }

  /** The listener is subscribed: notifications will arrive from now on. */
  enable(): void {
    this.generation++;
    this.entries.clear();
    this.enabled = true;
  }

  /** The listener lost its subscription: what is cached may be stale and nothing new is trusted. */
  disable(): void {
    this.generation++;
    this.entries.clear();
    this.enabled = false;
  }
}
