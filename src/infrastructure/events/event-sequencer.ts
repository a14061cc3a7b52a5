import { EventEmitter } from 'node:events';
import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { postgresPoolOf, queryPool } from '../database/postgres-pool.js';

/** Names the transaction-level advisory lock under which sequences are handed out (any constant shared by all replicas). */
export const SEQUENCER_LOCK_KEY = 0x656e7473;
/** Rows numbered per transaction; a full batch is followed by another one at once. */
export const STAMP_BATCH = 500;
/** Fallback for rows this process was not told about: other replicas' or the CLI's commits, a crash before the stamp. */
export const STAMP_POLL_MS = 250;

/**
 * Numbers up to STAMP_BATCH committed, unstamped events in the order they were written; run under the
 * sequencer lock. nextval() is applied in `insert_order` order by the ordered subquery; the batch
 * shares one commit time. SKIP LOCKED: a row another transaction holds (data-deletion scrubbing)
 * waits for the next round instead of blocking every event behind it. Wrapped in a SELECT:
 * TypeORM answers a bare UPDATE with [rows, count].
 */
const STAMP_SQL = `WITH picked AS (
    SELECT id, insert_order FROM events WHERE sequence IS NULL
    ORDER BY insert_order LIMIT ${STAMP_BATCH} FOR UPDATE SKIP LOCKED
  ), numbered AS (
    SELECT id, nextval('events_sequence_seq') AS sequence FROM (SELECT id FROM picked ORDER BY insert_order) ordered
  ), at AS (SELECT clock_timestamp() AS committed_at
  ), stamped AS (
    UPDATE events e SET sequence = n.sequence, committed_at = at.committed_at
    FROM numbered n, at WHERE e.id = n.id
    RETURNING e.id
  )
  SELECT count(*)::int AS count FROM stamped`;

/**
 * Gives committed events their commit-ordered `sequence` (and `committed_at`, the envelope's `time`).
 *
 * Writers insert events with `sequence` NULL. A stamp is one short transaction that takes a
 * transaction-level advisory lock (one stamper at a time across replicas) and numbers the
 * unstamped rows it can see. Rows of transactions still open are invisible to it, so they get
 * later numbers when they commit; and because numbers are only handed out under the lock, which
 * is released after the stamp's commit became visible, a reader sees the numbers appear in
 * increasing order. A reader paging with `sequence > last` therefore never skips an event, which
 * an id taken at insert time cannot promise (a transaction that commits late would appear behind
 * the reader's position).
 *
 * Runs right after each local commit (UnitOfWork calls `wake`, calls coalesce) and on a fallback
 * poll. A wake that arrives while a stamp runs sets a dirty flag that makes the loop go round once
 * more, so it never waits for the next poll.
 */
@Injectable()
export class EventSequencer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventSequencer');
  private readonly stamped = new EventEmitter();
  private running: Promise<void> | null = null;
  private dirty = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.schedulePoll();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Calls `listener(count)` after each stamp that numbered rows (e.g. to wake the relay in-process). Returns an unsubscribe. */
  onStamped(listener: (count: number) => void): () => void {
    this.stamped.on('stamped', listener);
    return () => this.stamped.off('stamped', listener);
  }

  /** Asks for a stamp soon; never throws, never waits. Calls while one runs coalesce into one more round. */
  wake(): void {
    this.dirty = true;
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // A wake between drain's last check and here must not wait for the poll.
      if (this.dirty) this.wake();
    });
  }

  /** Resolves once no stamp is running or asked for (tests use it before reading the feed). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * One stamping transaction: numbers up to STAMP_BATCH committed, unstamped events in the order
   * they were written. Safe to call from anywhere at any time; returns how many it numbered.
   */
  async stamp(): Promise<number> {
    const pool = postgresPoolOf(this.dataSource);
    const count = pool ? await this.stampInOneRoundTrip(pool) : await this.stampInTransaction();
    if (count > 0) this.stamped.emit('stamped', count);
    return count;
  }

  /**
   * On PostgreSQL: the lock and the numbering as one simple-protocol query of two statements.
   * PostgreSQL runs such a query as one implicit transaction (rolled back whole if a statement
   * fails) and, at READ COMMITTED, gives each statement its own snapshot, taken when it starts:
   * the numbering still sees every commit made before the lock was granted, exactly as the
   * explicit transaction below does, in one round trip instead of four (BEGIN, lock, stamp,
   * COMMIT). The statements carry no values but two constants, so no parameters are needed.
   */
  private async stampInOneRoundTrip(pool: pg.Pool): Promise<number> {
    const results = (await queryPool(
      pool,
      `SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY}); ${STAMP_SQL}`,
    )) as unknown as pg.QueryResult<{ count: number }>[];
    return results[1].rows[0].count;
  }

  /** On the embedded database (and as the reference form): an explicit transaction. */
  private async stampInTransaction(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCER_LOCK_KEY]);
      const [{ count }]: { count: number }[] = await manager.query(STAMP_SQL);
      return count;
    });
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        while ((await this.stamp()) === STAMP_BATCH && !this.stopped);
        if (this.failing) this.logger.log('Stamping events works again');
        this.failing = false;
      } catch (error) {
        // The poll retries; log once per failure streak (e.g. the database is down).
        if (!this.failing) this.logger.warn({ err: error }, 'Stamping events failed; retrying on the next poll');
        this.failing = true;
        this.dirty = false;
        return;
      }
    }
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), STAMP_POLL_MS);
    this.timer.unref();
  }

  /** A cheap probe (an index-only look at the unstamped partial index) before taking the lock. */
  private async poll(): Promise<void> {
    try {
      if (this.failing || this.dirty) {
        this.wake();
      } else if (!this.running) {
        const [row] = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM events WHERE sequence IS NULL) AS waiting');
        if (row?.waiting) this.wake();
      }
    } catch {
      // The database is unreachable: the next poll tries again (drain logs the streak).
      this.failing = true;
    } finally {
      this.schedulePoll();
    }
  }
}
