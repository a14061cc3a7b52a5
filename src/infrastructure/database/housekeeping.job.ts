import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { OAuthStateStore } from '../security/oauth-state.store.js';

const HOURLY = 60 * 60_000;
/** Anyone can create OAuth states (GET /v1/auth/facebook), so spent ones go within minutes. */
const EVERY_MINUTE = 60_000;
/** Rows deleted per statement, so retention never holds long locks or bloats one transaction. */
export const RETENTION_BATCH = 1000;

/**
 * Forgets rows that can no longer be used: spent or expired OAuth states, idempotency keys past
 * 24 h, and delivered events past EVENT_RETENTION_DAYS.
 */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: OAuthStateStore,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  // Idempotent deletes: several processes running them at once is harmless.
  @Interval(HOURLY)
  async run(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
      const events = await this.purgeEvents();
      if (events > 0) this.logger.log({ events }, 'Deleted events past their retention');
    } catch (error) {
      this.logger.error({ err: error }, 'Housekeeping failed');
    }
  }

  @Interval('oauth-state-purge', EVERY_MINUTE)
  async purgeOAuthStates(): Promise<void> {
    try {
      await this.states.purgeExpired();
    } catch (error) {
      this.logger.error({ err: error }, 'Purging OAuth states failed');
    }
  }

  /**
   * Deletes, in batches, events committed more than EVENT_RETENTION_DAYS ago that are delivered:
   * confirmed by the broker, or — without a broker — simply committed, the feed being their only
   * destination. With a broker, an undelivered or parked (dead) event is kept whatever its age:
   * it is never lost silently. Returns how many rows went.
   */
  async purgeEvents(): Promise<number> {
    const delivered = this.settings.amqpUrl ? 'AND published_at IS NOT NULL' : '';
    let total = 0;
    for (;;) {
      // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count].
      const [{ count }]: { count: number }[] = await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM events WHERE id IN (
             SELECT id FROM events
              WHERE committed_at < now() - make_interval(days => $1) ${delivered}
              LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED)
           RETURNING id
         )
         SELECT count(*)::int AS count FROM gone`,
        [this.settings.eventRetentionDays],
      );
      total += count;
      if (count < RETENTION_BATCH) return total;
    }
  }
}
