import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { hashToken } from './opaque-token.js';

export type OAuthPurpose = 'login' | 'link';

export class InvalidOAuthStateError extends DomainError {
  readonly code = 'OAUTH.INVALID_STATE';
  readonly kind = 'invalid';
}

type Db = Pick<EntityManager, 'query'>;

/** How long a spent or expired state is remembered before the housekeeping job deletes it. */
export const SPENT_STATE_KEPT_SECONDS = 5 * 60;

/**
 * Server-side OAuth `state`: random, stored only as a hash, bound to what the flow is for,
 * single use and short-lived. Consuming is one atomic UPDATE, so two requests racing with the
 * same state cannot both win.
 */
@Injectable()
export class OAuthStateStore {
  constructor(private readonly dataSource: DataSource) {}

  async issue<B extends object>(
    purpose: OAuthPurpose,
    binding: B,
    ttlSeconds: number,
    db: Db = this.dataSource,
  ): Promise<{ state: string; expiresAt: Date }> {
    const state = randomBytes(32).toString('base64url');
    const rows: { expires_at: Date }[] = await db.query(
      `INSERT INTO oauth_states (state_hash, purpose, binding, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
      [hashToken(state), purpose, JSON.stringify(binding), ttlSeconds],
    );
    return { state, expiresAt: new Date(rows[0].expires_at) };
  }

  /** Marks the state used and returns its binding; throws InvalidOAuthStateError saying why not. */
  async consume<B extends object>(purpose: OAuthPurpose, state: string | undefined, db: Db = this.dataSource): Promise<B> {
    if (!state) throw new InvalidOAuthStateError('The OAuth state is missing');
    const hash = hashToken(state);
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ binding: B }[], number] = await db.query(
      `UPDATE oauth_states SET used_at = now()
        WHERE state_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING binding`,
      [hash, purpose],
    );
    if (rows.length === 1) return rows[0].binding;
    const [known]: { used: boolean }[] = await db.query(
      'SELECT used_at IS NOT NULL AS used FROM oauth_states WHERE state_hash = $1 AND purpose = $2',
      [hash, purpose],
    );
    if (!known) throw new InvalidOAuthStateError('The OAuth state is unknown; start the authorization again');
    throw new InvalidOAuthStateError(
      known.used
        ? 'The OAuth state was already used; start the authorization again'
        : 'The OAuth state expired; start the authorization again',
    );
  }

  /**
   * Makes a consumed state usable again (until it expires), for when the provider itself failed:
   * the client's retry with the same code and state then gets a real second attempt, not "already used".
   */
  async release(purpose: OAuthPurpose, state: string, db: Db = this.dataSource): Promise<void> {
    await db.query('UPDATE oauth_states SET used_at = NULL WHERE state_hash = $1 AND purpose = $2 AND used_at IS NOT NULL', [
      hashToken(state),
      purpose,
    ]);
  }

  /**
   * Forgets states that can no longer be used. Kept a few minutes past that, so a double submit
   * still hears "used" or "expired" rather than "unknown"; not longer, since anyone can make rows.
   */
  async purgeExpired(db: Db = this.dataSource): Promise<void> {
    await db.query(
      `DELETE FROM oauth_states WHERE expires_at < now() - make_interval(secs => $1) OR used_at < now() - make_interval(secs => $1)`,
      [SPENT_STATE_KEPT_SECONDS],
    );
  }
}
