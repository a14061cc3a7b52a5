import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { isEmbedded } from '../infrastructure/database/migration-runner.js';
import { UnitOfWork } from '../infrastructure/database/unit-of-work.js';
import { dropExpiredInvitations } from './invitation-expiry.js';

/** Names the session advisory lock that lets one process per interval run the job. */
export const INVITATION_EXPIRY_LOCK = 0x656e7449;

const EVERY_FIVE_MINUTES = 5 * 60_000;
const BATCH = 500;

/**
 * Deletes expired invitations with an InvitationExpired event each. Expiry itself needs no job (an
 * expired invitation is never listed nor taken up); this makes it an event and frees the row. With
 * several processes a session advisory lock makes one of them do it per interval; the others skip.
 */
@Injectable()
export class InvitationExpiryJob {
  private readonly logger = new Logger('InvitationExpiry');
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  @Interval(EVERY_FIVE_MINUTES)
  async run(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      this.logger.error({ err: error }, 'Invitation expiry failed');
    }
  }

  /** Resolves with the number of invitations expired, or undefined when another run held the lock. */
  async runOnce(): Promise<number | undefined> {
    if (this.running) return undefined;
    this.running = true;
    try {
      return await this.locked();
    } finally {
      this.running = false;
    }
  }

  private async locked(): Promise<number | undefined> {
    // The embedded database is one process already, and has one connection: it must not be held.
    if (isEmbedded(this.dataSource)) return this.work();
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await session.query('SELECT pg_try_advisory_lock($1) AS locked', [
        INVITATION_EXPIRY_LOCK,
      ]);
      if (!locked) return undefined;
      try {
        return await this.work();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1)', [INVITATION_EXPIRY_LOCK]);
      }
    } finally {
      await session.release();
    }
  }

  private async work(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.uow.run((tx) => dropExpiredInvitations(tx, { limit: BATCH }));
      total += expired;
      if (expired < BATCH) break;
    }
    if (total > 0) this.logger.log({ expired: total }, 'Expired invitations');
    return total;
  }
}
