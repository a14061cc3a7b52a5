import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppSettings } from '../config/app.config.js';
import { AmqpPublisher, BrokerUnavailableError, type OutgoingMessage, type PublishOutcome } from './amqp-publisher.js';
import { routingKey, toCloudEvent, type StoredEvent } from './cloud-event.js';
import { STORED_EVENT_COLUMNS } from './event-record.entity.js';
import { embeddedSession, LeaderCandidate, type RelaySession } from './relay-session.js';

export interface RelayOptions {
  batchSize: number;
  /** Fallback poll: how often the relay looks without a wake-up (events due after a backoff, other replicas' commits). */
  pollMs: number;
  /** How often a follower asks for the leader lock; bounds the takeover time when the leader dies. */
  leaderRetryMs: number;
  /** First retry delay of a failed event; doubles per attempt up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = {
  batchSize: 200,
  pollMs: 500,
  leaderRetryMs: 1000,
  backoffBaseMs: 1000,
  backoffMaxMs: 5 * 60_000,
};

/** Prefix of `last_error` for a message the broker returned (no queue bound for its routing key). */
export const UNROUTABLE = 'unroutable:';

/**
 * Stamped, undelivered, due events in commit order. An organization with an event backing off
 * after a broker refusal is held back from that event on, so its later events cannot overtake it;
 * other organizations flow on. An unroutable event (returned: no queue got it, so no consumer can
 * see the order broken) holds nothing back.
 */
export const CLAIM = `
  WITH held AS (
    SELECT organization_id, min(sequence) AS since
      FROM events
     WHERE next_attempt_at IS NOT NULL AND published_at IS NULL AND dead_at IS NULL
       AND next_attempt_at > now() AND organization_id IS NOT NULL
       AND last_error NOT LIKE '${UNROUTABLE}%'
     GROUP BY organization_id
  )
  SELECT ${STORED_EVENT_COLUMNS}
    FROM events
   WHERE sequence IS NOT NULL AND published_at IS NULL AND dead_at IS NULL
     AND (next_attempt_at IS NULL OR next_attempt_at <= now())
     AND NOT EXISTS (SELECT 1 FROM held WHERE held.organization_id = events.organization_id AND held.since < events.sequence)
   ORDER BY events.sequence -- the table's bigint, not the selected text alias
   LIMIT $1
     FOR UPDATE OF events SKIP LOCKED`;

const MARK_PUBLISHED = `UPDATE events SET published_at = now(), next_attempt_at = NULL, last_error = NULL WHERE id = ANY($1::uuid[])`;

/** One more failed attempt each: exponential backoff with ±20% jitter, or parked dead at the limit. */
const MARK_FAILED = `
  UPDATE events e
     SET publish_attempts = e.publish_attempts + 1,
         last_error = f.error,
         dead_at = CASE WHEN e.publish_attempts + 1 >= $3 THEN now() END,
         next_attempt_at = CASE WHEN e.publish_attempts + 1 >= $3 THEN NULL
           ELSE now() + make_interval(secs => least($5::float8, $4::float8 * 2 ^ e.publish_attempts) * (0.8 + random() * 0.4) / 1000) END
    FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
   WHERE e.id = f.id
  RETURNING e.id, e.type, e.publish_attempts, e.dead_at`;

const COUNT_DEAD = `SELECT count(*)::int AS dead FROM events WHERE dead_at IS NOT NULL`;

export interface RelayHealth {
  rabbitmq: 'up' | 'down';
  exchange: string;
  dead_events: number | null;
}

interface Failure {
  id: string;
  error: string;
}

/**
 * Drains stamped, undelivered events to RabbitMQ: one active relay across replicas (an advisory-
 * lock leader), batches claimed in sequence order with FOR UPDATE SKIP LOCKED, published pipelined,
 * and recorded as delivered only after the broker confirmed them and returned none. Woken right
 * after events are stamped, with a fallback poll; a wake-up that arrives while a batch runs is
 * kept (the `dirty` flag), so it never waits for the next poll.
 */
export class EventRelay {
  private readonly logger = new Logger('EventRelay');
  private session: RelaySession | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private dirty = true;
  private wake: (() => void) | undefined;
  private sessionFailures = 0;
  private readonly stopWaiters = new Set<() => void>();
  private stopListening: (() => void) | undefined;
  private candidate: LeaderCandidate | undefined;

  constructor(
    private readonly settings: AppSettings,
    private readonly dataSource: DataSource,
    private readonly publisher: AmqpPublisher,
    private readonly embedded: boolean,
    private readonly options: RelayOptions = DEFAULT_RELAY_OPTIONS,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    this.stopListening = this.publisher.onUp(() => this.signal());
    await this.publisher.start();
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signal();
    for (const done of [...this.stopWaiters]) done();
    await this.running?.catch(() => undefined);
    await this.session?.close();
    this.session = undefined;
    await this.candidate?.close();
    this.stopListening?.();
    await this.publisher.stop();
  }

  /** Something may be ready to send (events stamped, the broker back): look now. */
  signal(): void {
    this.dirty = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The broker's state now, and the parked events (null when the database does not answer in time). */
  async health(timeoutMs: number): Promise<RelayHealth> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
    const count = this.dataSource.query<{ dead: number }[]>(COUNT_DEAD).then(
      ([row]) => row.dead,
      () => null,
    );
    const dead = await Promise.race([count, timeout]);
    clearTimeout(timer);
    return { rabbitmq: this.publisher.up ? 'up' : 'down', exchange: this.publisher.exchange, dead_events: dead };
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        const session = await this.leaderSession();
        if (!session) {
          // A follower: wake-ups are for the leader; only the timer (or stop) ends this wait.
          await this.pause(this.options.leaderRetryMs);
          continue;
        }
        if (!this.publisher.up) {
          // Events wait in the log; the publisher signals as soon as a channel is ready again.
          this.dirty = false;
          await this.sleep(this.options.pollMs);
          continue;
        }
        this.dirty = false;
        const claimed = await this.drainBatch(session);
        this.sessionFailures = 0;
        if (claimed === this.options.batchSize) continue;
        await this.sleep(this.options.pollMs);
      } catch (error) {
        await this.onFailure(error);
      }
    }
  }

  private async leaderSession(): Promise<RelaySession | undefined> {
    if (this.session?.alive) return this.session;
    if (this.session) {
      await this.session.close();
      this.session = undefined;
      this.logger.warn('Lost the relay session (leadership released); reconnecting');
    }
    if (this.embedded) {
      this.session = embeddedSession(this.dataSource);
    } else {
      this.candidate ??= new LeaderCandidate(this.settings.databaseUrl!, this.settings.databaseTimeoutMs);
      this.session = await this.candidate.tryLead(() => this.signal());
      if (this.session) this.logger.log('This process is now the active event relay');
    }
    return this.session;
  }

  private async onFailure(error: unknown): Promise<void> {
    if (this.stopping) return;
    this.sessionFailures++;
    if (this.sessionFailures <= 3 || this.sessionFailures % 20 === 0) {
      this.logger.error(`Relay cycle failed: ${(error as Error).message}`);
    }
    // A database error may leave the session unusable: start from a fresh one.
    if (!this.embedded) {
      await this.session?.close();
      this.session = undefined;
      await this.candidate?.close();
    }
    await this.pause(Math.min(this.options.leaderRetryMs * this.sessionFailures, 10_000));
  }

  /** One batch: claim, publish, wait for the broker, record. Returns how many events were claimed. */
  private async drainBatch(session: RelaySession): Promise<number> {
    return session.transaction(async () => {
      const rows = await session.query<StoredEvent>(CLAIM, [this.options.batchSize]);
      if (rows.length === 0) return 0;
      const messages: OutgoingMessage[] = [];
      const invalid: Failure[] = [];
      for (const row of rows) {
        try {
          messages.push(this.toMessage(row));
        } catch (error) {
          // A row that cannot become a valid CloudEvent never will: park it rather than retry it forever.
          invalid.push({ id: row.id, error: `invalid CloudEvent: ${(error as Error).message}` });
        }
      }
      if (invalid.length > 0) await this.markFailed(session, invalid, 1);
      let outcomes: PublishOutcome[];
      try {
        outcomes = await this.publisher.publish(messages);
      } catch (error) {
        if (error instanceof BrokerUnavailableError) return 0;
        throw error;
      }
      await this.record(session, messages, outcomes);
      return rows.length;
    });
  }

  private toMessage(row: StoredEvent): OutgoingMessage {
    const event = toCloudEvent(row, this.settings.publicUrl);
    return {
      id: event.id,
      type: event.type,
      routingKey: routingKey(event.type),
      body: Buffer.from(JSON.stringify(event)),
      time: new Date(event.time),
    };
  }

  private async record(session: RelaySession, messages: OutgoingMessage[], outcomes: PublishOutcome[]): Promise<void> {
    const delivered: string[] = [];
    const failures: Failure[] = [];
    outcomes.forEach((outcome, index) => {
      const message = messages[index];
      if (outcome === 'confirmed') delivered.push(message.id);
      else if (outcome === 'returned')
        failures.push({ id: message.id, error: `${UNROUTABLE} no queue is bound to ${this.publisher.exchange} for ${message.routingKey}` });
      else if (outcome === 'nacked') failures.push({ id: message.id, error: 'nacked: the broker refused the message' });
      // 'unconfirmed': the broker went away; not the event's fault, so no attempt is counted.
    });
    if (delivered.length > 0) await session.query(MARK_PUBLISHED, [delivered]);
    if (failures.length > 0) await this.markFailed(session, failures, this.settings.relayMaxAttempts);
    if (outcomes.includes('unconfirmed')) this.logger.warn('RabbitMQ went away during a batch; its unconfirmed events will be sent again');
  }

  /** Counts one failed attempt per event: backoff, or parked dead once `maxAttempts` is reached. */
  private async markFailed(session: RelaySession, failures: Failure[], maxAttempts: number): Promise<void> {
    const failed = await session.query<{ id: string; type: string; publish_attempts: number; dead_at: Date | null }>(MARK_FAILED, [
      failures.map((f) => f.id),
      failures.map((f) => f.error),
      maxAttempts,
      this.options.backoffBaseMs,
      this.options.backoffMaxMs,
    ]);
    for (const event of failed) {
      const error = failures.find((f) => f.id === event.id)!.error;
      if (event.dead_at) {
        this.logger.error(`Event ${event.id} (${event.type}) parked as dead after ${event.publish_attempts} attempts: ${error}`);
      } else if (event.publish_attempts === 1) {
        this.logger.warn(`Event ${event.id} (${event.type}) not delivered, will retry: ${error}`);
      }
    }
  }

  /** Waits up to `ms`, or less if a wake-up arrives (or arrived since `dirty` was cleared). */
  private sleep(ms: number): Promise<void> {
    if (this.stopping || this.dirty) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Waits `ms` whatever the wake-ups; only stop() ends it early. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const stopWaiters = this.stopWaiters;
      function done() {
        clearTimeout(timer);
        stopWaiters.delete(done);
        resolve();
      }
      stopWaiters.add(done);
    });
  }
}
