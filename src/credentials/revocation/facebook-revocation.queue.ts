import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SecretBox, SecretBoxError } from '../../infrastructure/security/secret-box.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import { FacebookRejectedError } from '../credentials.errors.js';
import { FacebookGraphClient } from '../facebook/facebook-graph.client.js';

export const revocationIdentity = (id: number) => `facebook-revocation:${id}`;

/** After this many failed attempts (about 4 hours of backoff) a revocation is given up. */
export const MAX_REVOCATION_ATTEMPTS = 8;
/** A claimed revocation is not claimed again for this long (a crashed attempt is retried after it). */
const CLAIM_LEASE = "interval '5 minutes'";
/** Recorded on a revocation cancelled because its Facebook account was linked again. */
export const LINKED_AGAIN = 'the Facebook account was linked again';

export interface RevocationRun {
  done: number;
  rejected: number;
  retrying: number;
  failed: number;
  /** Not sent: the Facebook account was linked again meanwhile. */
  cancelled: number;
}

interface Claimed {
  id: number;
  facebook_user_id: string;
  encrypted_token: string | null;
  attempts: number;
}

type Outcome = keyof RevocationRun;

/**
 * Best-effort revocation of the app at Facebook (`DELETE /{user-id}/permissions`) for unlinked
 * credentials. The token is queued sealed in the unlinking transaction; the attempt happens after
 * the commit, outside any transaction, so a slow or failing Facebook never holds up an unlink. Failed
 * attempts are retried with backoff by the credential lifecycle job; every outcome is recorded and
 * the token erased once it is of no more use.
 *
 * Revoking kills every token of the app for that person, so it must never fire once the account is
 * linked again (anywhere): linking cancels the pending revocations in its transaction, and each
 * attempt looks again just before calling Facebook.
 */
@Injectable()
export class FacebookRevocationQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger('FacebookRevocations');
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: FacebookGraphClient,
    private readonly box: SecretBox,
  ) {}

  /** Queues a revocation inside the caller's transaction; returns its id. */
  async queueWithin(manager: EntityManager, facebookUserId: string, token: string): Promise<number> {
    const [{ id }]: { id: number }[] = await manager.query(
      `SELECT nextval(pg_get_serial_sequence('facebook_revocations', 'id'))::int AS id`,
    );
    await manager.query(`INSERT INTO facebook_revocations (id, facebook_user_id, encrypted_token, status) VALUES ($1, $2, $3, 'pending')`, [
      id,
      facebookUserId,
      this.box.encrypt(token, revocationIdentity(id)),
    ]);
    return id;
  }

  /** Cancels, inside the caller's transaction, every pending revocation of that Facebook account (its token erased). */
  async cancelPendingWithin(manager: EntityManager, facebookUserId: string, why: string): Promise<void> {
    await manager.query(
      `UPDATE facebook_revocations SET status = 'cancelled', encrypted_token = NULL, done_at = now(), last_error = $2
        WHERE facebook_user_id = $1 AND status = 'pending'`,
      [facebookUserId, why],
    );
  }

  /** Attempts a just-queued revocation in the background (call after the commit). */
  attemptSoon(id: number): void {
    this.track(this.attempt(id));
  }

  /** Attempts every revocation that is due, oldest first, up to `limit`. */
  async attemptDue(limit = 50): Promise<RevocationRun> {
    const run: RevocationRun = { done: 0, rejected: 0, retrying: 0, failed: 0, cancelled: 0 };
    if (!this.graph.configured) return run;
    const claimed = await this.claim(undefined, limit);
    for (const revocation of claimed) run[await this.perform(revocation)]++;
    return run;
  }

  /** Resolves once the background attempts started so far have finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private track(work: Promise<unknown>): void {
    const guarded = work.catch((error: unknown) => this.logger.error({ err: error }, 'Revocation attempt crashed'));
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
  }

  private async attempt(id: number): Promise<void> {
    if (!this.graph.configured) return;
    const [revocation] = await this.claim(id, 1);
    if (revocation) await this.perform(revocation);
  }

  /** Claims due revocations atomically, so two workers never attempt the same one. */
  private async claim(id: number | undefined, limit: number): Promise<Claimed[]> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE facebook_revocations SET attempts = attempts + 1, next_attempt_at = now() + ${CLAIM_LEASE}
        WHERE id IN (SELECT id FROM facebook_revocations
                      WHERE status = 'pending' AND next_attempt_at <= now() ${id === undefined ? '' : 'AND id = $2'}
                      ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, facebook_user_id, encrypted_token, attempts`,
      id === undefined ? [limit] : [limit, id],
    );
    return rows;
  }

  private async perform(revocation: Claimed): Promise<Outcome> {
    if (await this.linkedAgain(revocation)) return 'cancelled';
    try {
      if (!revocation.encrypted_token) throw new SecretBoxError('no token was kept');
      const token = this.box.decrypt(revocation.encrypted_token, revocationIdentity(revocation.id));
      await this.graph.revokePermissions(revocation.facebook_user_id, token);
      await this.finish(revocation.id, 'done', null);
      return 'done';
    } catch (error) {
      if (error instanceof FacebookUnavailableError && revocation.attempts < MAX_REVOCATION_ATTEMPTS) {
        // 1, 2, 4 ... 64 minutes between attempts.
        const minutes = 2 ** (revocation.attempts - 1);
        await this.dataSource.query(
          `UPDATE facebook_revocations SET last_error = $2, next_attempt_at = now() + make_interval(mins => $3) WHERE id = $1`,
          [revocation.id, error.message, minutes],
        );
        this.logger.warn(`Revocation ${revocation.id} at Facebook failed (${error.message}); retrying in ${minutes} min`);
        return 'retrying';
      }
      const outcome = error instanceof FacebookRejectedError ? 'rejected' : 'failed';
      const known = error instanceof FacebookRejectedError || error instanceof FacebookUnavailableError || error instanceof SecretBoxError;
      const message = known ? error.message : 'unexpected error';
      if (!known) this.logger.error({ err: error }, `Revocation ${revocation.id} crashed`);
      await this.finish(revocation.id, outcome, message);
      this.logger.warn(`Revocation ${revocation.id} at Facebook ${outcome}: ${message}`);
      return outcome;
    }
  }

  /**
   * Cancels the revocation when that Facebook account has an active credential again (a link that
   * committed after this one was queued): revoking now would kill that credential's token.
   */
  private async linkedAgain(revocation: Claimed): Promise<boolean> {
    const [row]: { linked: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM credentials WHERE facebook_user_id = $1 AND status = 'active') AS linked`,
      [revocation.facebook_user_id],
    );
    if (!row.linked) return false;
    await this.dataSource.query(
      `UPDATE facebook_revocations SET status = 'cancelled', encrypted_token = NULL, done_at = now(), last_error = $2
        WHERE id = $1 AND status = 'pending'`,
      [revocation.id, LINKED_AGAIN],
    );
    this.logger.log(`Revocation ${revocation.id} cancelled: that Facebook account is linked again`);
    return true;
  }

  private async finish(id: number, status: 'done' | 'rejected' | 'failed', lastError: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE facebook_revocations SET status = $2, last_error = $3, encrypted_token = NULL, done_at = now() WHERE id = $1`,
      [id, status, lastError],
    );
  }
}
