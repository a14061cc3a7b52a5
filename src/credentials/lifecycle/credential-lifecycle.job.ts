import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource, In } from 'typeorm';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { isEmbedded } from '../../infrastructure/database/migration-runner.js';
import { CREDENTIAL_LIFECYCLE } from '../../infrastructure/events/actor.js';
import { UnitOfWork, type Transaction } from '../../infrastructure/database/unit-of-work.js';
import { SecretBox, SecretBoxError } from '../../infrastructure/security/secret-box.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import { FacebookRejectedError } from '../credentials.errors.js';
import { Credential, credentialIdentity } from '../domain/credential.entity.js';
import type { ExpiryReason } from '../domain/events/credential-expired.event.js';
import { FacebookGraphClient } from '../facebook/facebook-graph.client.js';
import { FacebookRevocationQueue, type RevocationRun } from '../revocation/facebook-revocation.queue.js';

/** Names the session advisory lock that lets one process per interval run the job. */
export const CREDENTIAL_LIFECYCLE_LOCK = 0x656e7443;

/** How often and how much; a provider so tests (and deployments wiring it differently) can change it. */
@Injectable()
export class CredentialLifecycleOptions {
  intervalMs = 5 * 60_000;
  /** Active credentials asked about at Facebook per run. */
  checkBatch = 100;
  /** A credential is asked about again at most this often. */
  recheckAfterHours = 6;
}

export interface LifecycleRun {
  /** False when another process (or a run still going here) had the lock. */
  ran: boolean;
  expired: number;
  invalidated: number;
  checked: number;
  revocations: RevocationRun;
}

const INTERVAL_NAME = 'credential-lifecycle';
const EXPIRE_BATCH = 500;

/**
 * The scheduled credential check: (1) credentials whose expiry passed become `expired`, (2) active
 * ones not checked lately are asked about at Facebook (debug_token) and become `expired` when it says
 * the token is no longer valid, (3) revocations at Facebook that are due are retried. Facebook is
 * called outside any transaction. With several processes, a session advisory lock makes one of them
 * do it per interval; the others skip.
 */
@Injectable()
export class CredentialLifecycleJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('CredentialLifecycle');
  private current: Promise<LifecycleRun> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly graph: FacebookGraphClient,
    private readonly box: SecretBox,
    private readonly revocations: FacebookRevocationQueue,
    private readonly options: CredentialLifecycleOptions,
    private readonly scheduler: SchedulerRegistry,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.graph.configured) return;
    const handle = setInterval(() => {
      this.runOnce().catch((error: unknown) => this.logger.error({ err: error }, 'Credential lifecycle run failed'));
    }, this.options.intervalMs);
    handle.unref();
    this.scheduler.addInterval(INTERVAL_NAME, handle);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.current?.catch(() => undefined);
  }

  /** One run; resolves with what it did, or `ran: false` when another run holds the lock. */
  runOnce(): Promise<LifecycleRun> {
    if (this.current) return Promise.resolve(skipped());
    const run = this.locked().finally(() => (this.current = undefined));
    this.current = run;
    return run;
  }

  private async locked(): Promise<LifecycleRun> {
    // The embedded database is one process already, and has one connection: it must not be held.
    if (isEmbedded(this.dataSource)) return this.work();
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS locked', [
        CREDENTIAL_LIFECYCLE_LOCK,
      ]);
      if (!locked) return skipped();
      try {
        return await this.work();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [CREDENTIAL_LIFECYCLE_LOCK]);
      }
    } finally {
      await session.release();
    }
  }

  private async work(): Promise<LifecycleRun> {
    const expired = await this.expirePassed();
    const { checked, invalidated } = this.graph.configured ? await this.checkAtFacebook() : { checked: 0, invalidated: 0 };
    const revocations = await this.revocations.attemptDue();
    const run = { ran: true, expired, invalidated, checked, revocations };
    if (expired + invalidated + revocations.done + revocations.rejected + revocations.retrying + revocations.failed > 0) {
      this.logger.log({ run }, 'Credential lifecycle run');
    }
    return run;
  }

  private expirePassed(): Promise<number> {
    return this.uow.run(
      async (tx) => {
        const due: { id: number }[] = await tx.manager.query(
          `SELECT id FROM credentials WHERE status = 'active' AND expires_at <= now()
          ORDER BY id LIMIT ${EXPIRE_BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (due.length === 0) return 0;
        const credentials = await tx.manager.find(Credential, { where: { id: In(due.map((row) => row.id)) }, order: { id: 'ASC' } });
        return this.expireAll(tx, credentials, 'expired');
      },
      { actor: CREDENTIAL_LIFECYCLE },
    );
  }

  private async checkAtFacebook(): Promise<{ checked: number; invalidated: number }> {
    const due: { id: number; encrypted_token: string }[] = await this.dataSource.query(
      `SELECT id, encrypted_token FROM credentials
        WHERE status = 'active' AND encrypted_token IS NOT NULL
          AND (checked_at IS NULL OR checked_at < now() - make_interval(hours => $1))
        ORDER BY checked_at NULLS FIRST, id LIMIT $2`,
      [this.options.recheckAfterHours, this.options.checkBatch],
    );
    let checked = 0;
    let invalidated = 0;
    for (const { id, encrypted_token: sealed } of due) {
      let valid: boolean;
      try {
        const info = await this.graph.debugToken(this.box.decrypt(sealed, credentialIdentity(id)));
        valid = info.isValid && info.appId === this.settings.facebook.appId;
      } catch (error) {
        if (error instanceof SecretBoxError) {
          this.logger.warn(`Credential ${id}: the stored token cannot be decrypted (${error.message})`);
          continue;
        }
        if (error instanceof FacebookUnavailableError || error instanceof FacebookRejectedError) {
          // Facebook down, or refusing our app token: nothing can be learnt this run.
          this.logger.warn(`Credential check at Facebook stopped: ${error.message}`);
          break;
        }
        throw error;
      }
      checked++;
      if (valid) {
        await this.dataSource.query('UPDATE credentials SET checked_at = now() WHERE id = $1 AND encrypted_token = $2', [id, sealed]);
      } else if (await this.invalidate(id, sealed)) {
        invalidated++;
      }
    }
    return { checked, invalidated };
  }

  /** Expires the credential unless it changed meanwhile (e.g. re-linked with a new token). */
  private invalidate(id: number, sealed: string): Promise<boolean> {
    return this.uow.run(
      async (tx) => {
        const credential = await tx.manager.findOne(Credential, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!credential || credential.encrypted_token !== sealed) return false;
        credential.checked_at = new Date();
        return (await this.expireAll(tx, [credential], 'invalidated')) === 1;
      },
      { actor: CREDENTIAL_LIFECYCLE },
    );
  }

  private async expireAll(tx: Transaction, credentials: Credential[], reason: ExpiryReason): Promise<number> {
    let count = 0;
    for (const credential of credentials) {
      if (!tx.track(credential).expire(reason)) continue;
      await tx.manager.save(credential);
      count++;
    }
    return count;
  }
}

function skipped(): LifecycleRun {
  return {
    ran: false,
    expired: 0,
    invalidated: 0,
    checked: 0,
    revocations: { done: 0, rejected: 0, retrying: 0, failed: 0, cancelled: 0 },
  };
}
