import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { OAuthStateStore } from '../security/oauth-state.store.js';

const HOURLY = 60 * 60_000;
/** Anyone can create OAuth states (GET /v1/auth/facebook), so spent ones go within minutes. */
const EVERY_MINUTE = 60_000;

/** Forgets rows that can no longer be used: spent or expired OAuth states, idempotency keys past 24 h. */
@Injectable()
export class HousekeepingJob {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: OAuthStateStore,
  ) {}

  // Idempotent deletes: several processes running them at once is harmless.
  @Interval(HOURLY)
  async run(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
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
}
