import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Agent } from 'undici';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../infrastructure/database/unit-of-work.js';
import { systemActor } from '../../infrastructure/events/actor.js';
import { STORED_EVENT_COLUMNS } from '../../infrastructure/events/event-record.entity.js';
import { toCloudEvent, type StoredEvent } from '../../infrastructure/events/cloud-event.js';
import { EventSequencer } from '../../infrastructure/events/event-sequencer.js';
import { createGuardedAgent } from '../../infrastructure/http/ssrf-guard.js';
import { SecretBox } from '../../infrastructure/security/secret-box.js';
import { WebhookEndpointDisabledEvent } from '../domain/events/webhook-endpoint-disabled.event.js';
import { signatureHeader, webhookSecretIdentity } from '../webhook-secret.js';
import { sendWebhook, type Attempt } from './webhook-sender.js';

/** Fallback for what this process was not told about: other replicas' commits, a crash, a backoff ending. */
export const DISPATCH_POLL_MS = 500;
/**
 * After a stamp the fan-out waits this long for more: under a burst of commits the sequencer
 * stamps every few milliseconds, and one fan-out and one claim per stamp were two statements per
 * created organization. A webhook is an HTTP call to another company's server; 20 ms on top is
 * not felt.
 */
export const FANOUT_COALESCE_MS = 20;
/** Deliveries in flight per process; per endpoint it is one (in commit order), so a slow endpoint holds one slot only. */
export const MAX_IN_FLIGHT = 16;
/** Events fanned out per statement. */
const FANOUT_BATCH = 500;
/** An endpoint whose every attempt failed for this long is disabled. */
const FAILING_DISABLES_AFTER = '5 days';
/** The service itself, as the actor of the events the dispatcher causes. */
const WEBHOOKS = systemActor('webhooks');

interface Claimed {
  id: string;
  endpoint_id: string;
  organization_id: string;
  event_id: string;
  sequence: string | null;
  payload: string | null;
  attempts: number;
  url: string;
}

/**
 * Delivers committed events to webhook endpoints, from any number of replicas.
 *
 * Fan-out: one statement reads events after the shared position (`webhook_fanout`, locked with
 * SKIP LOCKED so one replica does it at a time) in sequence order and inserts one delivery per
 * matching endpoint; the (event_id, endpoint_id) unique constraint makes a repeat harmless, and since
 * sequences become visible in increasing order no committed event is ever passed over.
 *
 * Sending: a claim takes, per endpoint with nothing in flight, its oldest due delivery — locked with
 * FOR UPDATE SKIP LOCKED and leased for longer than one attempt can last — so no two replicas send the
 * same delivery, and an endpoint receives its events one at a time in commit order. A sender that dies
 * mid-attempt leaves the lease to expire, and the delivery is sent again (at least once).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly agent: Agent;
  private readonly inFlight = new Set<Promise<void>>();
  private running: Promise<void> | null = null;
  private dirty = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private failing = false;
  private soon: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
    private readonly sequencer: EventSequencer,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {
    this.agent = createGuardedAgent({
      allowPrivateNetworks: settings.webhooks.allowPrivateNetworks,
      connectTimeoutMs: settings.webhooks.timeoutMs,
    });
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.sequencer.onStamped(() => this.wakeSoon());
    this.schedulePoll();
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.soon);
    this.unsubscribe?.();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
    await this.agent.close().catch(() => undefined);
  }

  /** Asks for a fan-out and a claim soon; never throws, never waits. */
  wake(): void {
    this.dirty = true;
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.dirty && !this.failing) this.wake();
    });
  }

  /** A wake within FANOUT_COALESCE_MS, unless one is already due. */
  private wakeSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.wake();
    }, FANOUT_COALESCE_MS);
    this.soon.unref();
  }

  /** Resolves once nothing is being fanned out, claimed or sent (tests); a coalescing wake is run now. */
  async settle(): Promise<void> {
    const flush = () => {
      if (!this.soon) return;
      clearTimeout(this.soon);
      this.soon = undefined;
      this.wake();
    };
    flush();
    while (this.running || this.inFlight.size > 0 || this.soon) {
      await Promise.allSettled([this.running, ...this.inFlight]);
      // A stamp meanwhile (a delivery that disabled an endpoint records an event) asks again.
      flush();
    }
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        while ((await this.fanOut()) === FANOUT_BATCH && !this.stopped);
        await this.claimAndSend();
        if (this.failing) this.logger.log('Webhook delivery works again');
        this.failing = false;
      } catch (error) {
        if (!this.failing) this.logger.warn({ err: error }, 'Webhook dispatch failed; retrying on the next poll');
        this.failing = true;
        return;
      }
    }
  }

  /** Delivery rows for the next batch of committed events; returns how many events it read. */
  async fanOut(): Promise<number> {
    const [{ events }]: { events: number }[] = await this.dataSource.query(
      `WITH position AS (
         SELECT last_sequence FROM webhook_fanout WHERE id = 1 FOR UPDATE SKIP LOCKED
       ), batch AS (
         SELECT e.id, e.type, e.organization_id, e.sequence FROM events e, position p
          WHERE e.sequence > p.last_sequence ORDER BY e.sequence LIMIT ${FANOUT_BATCH}
       ), inserted AS (
         INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_type, sequence, next_attempt_at)
         SELECT gen_random_uuid(), ep.id, ep.organization_id, b.id, b.type, b.sequence, now()
           FROM batch b JOIN webhook_endpoints ep ON ep.organization_id = b.organization_id
          WHERE ep.enabled AND b.sequence > ep.start_sequence
            AND (ep.event_types = ARRAY['*'] OR substr(b.type, length('tech.entropy.') + 1) = ANY (ep.event_types))
         ON CONFLICT (event_id, endpoint_id) DO NOTHING
         RETURNING 1
       ), moved AS (
         UPDATE webhook_fanout SET last_sequence = (SELECT max(sequence) FROM batch) WHERE id = 1 AND EXISTS (SELECT 1 FROM batch)
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM batch)::int AS events, (SELECT count(*) FROM inserted)::int AS deliveries, (SELECT count(*) FROM moved)::int AS moved`,
    );
    return events;
  }

  private async claimAndSend(): Promise<void> {
    const free = MAX_IN_FLIGHT - this.inFlight.size;
    if (free <= 0 || this.stopped) return;
    // Longer than one attempt can last (the timeout bounds it) plus the time to record its outcome.
    const leaseMs = this.settings.webhooks.timeoutMs + 2000;
    // TypeORM answers an UPDATE with [rows, affected count].
    const [claimed]: [Claimed[], number] = await this.dataSource.query(
      `WITH heads AS (
         SELECT DISTINCT ON (d.endpoint_id) d.id, d.next_attempt_at
           FROM webhook_deliveries d JOIN webhook_endpoints ep ON ep.id = d.endpoint_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND ep.enabled
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries x WHERE x.endpoint_id = d.endpoint_id AND x.status = 'pending' AND x.lease_until > now())
          ORDER BY d.endpoint_id, d.sequence ASC NULLS FIRST, d.created_at, d.id
       ), due AS (
         SELECT id FROM heads ORDER BY next_attempt_at LIMIT $1
       ), locked AS (
         SELECT d.id FROM webhook_deliveries d
          WHERE d.id IN (SELECT id FROM due) AND d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= now())
          FOR UPDATE SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => $2)
         FROM locked, webhook_endpoints ep
        WHERE d.id = locked.id AND ep.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id, d.organization_id, d.event_id, d.sequence::text AS sequence, d.payload, d.attempts, ep.url`,
      [free, leaseMs / 1000],
    );
    for (const delivery of claimed) {
      const sending: Promise<void> = this.deliver(delivery)
        .catch((error) => this.logger.error({ err: error, delivery: delivery.id }, 'Recording a webhook attempt failed'))
        .finally(() => {
          this.inFlight.delete(sending);
          this.wake();
        });
      this.inFlight.add(sending);
    }
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const body = delivery.payload ?? (await this.bodyOf(delivery.event_id));
    if (body === null) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'failed', lease_until = NULL, next_attempt_at = NULL,
                last_error = 'the event is no longer in the event log' WHERE id = $1`,
        [delivery.id],
      );
      return;
    }
    const secrets = await this.secretsOf(delivery.endpoint_id);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Entropy-Webhooks/1',
      'webhook-id': delivery.event_id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(secrets, delivery.event_id, timestamp, body),
    };
    const attempt = await sendWebhook(this.agent, delivery.url, headers, body, this.settings.webhooks.timeoutMs);
    await this.record(delivery, attempt);
  }

  private async bodyOf(eventId: string): Promise<string | null> {
    const [row]: StoredEvent[] = await this.dataSource.query(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id = $1`, [eventId]);
    return row ? JSON.stringify(toCloudEvent(row, this.settings.publicUrl)) : null;
  }

  /** Every live secret, newest first: two during the 24 h after a rotation. */
  private async secretsOf(endpointId: string): Promise<string[]> {
    const rows: { id: number; encrypted_secret: string }[] = await this.dataSource.query(
      `SELECT id, encrypted_secret FROM webhook_secrets WHERE endpoint_id = $1 AND (expires_at IS NULL OR expires_at > now()) ORDER BY id DESC`,
      [endpointId],
    );
    return rows.map((row) => this.box.decrypt(row.encrypted_secret, webhookSecretIdentity(row.id)));
  }

  private async record(delivery: Claimed, attempt: Attempt): Promise<void> {
    const { outcome, statusCode, excerpt, durationMs } = attempt;
    const attempts = delivery.attempts + 1;
    await this.uow.run(
      async (tx) => {
        const q = (sql: string, params: unknown[]) => tx.manager.query(sql, params);
        if (outcome.kind === 'succeeded') {
          await q(
            `UPDATE webhook_deliveries SET status = 'succeeded', attempts = $2, lease_until = NULL, next_attempt_at = NULL,
                  last_status_code = $3, last_error = NULL, last_duration_ms = $4, delivered_at = now() WHERE id = $1`,
            [delivery.id, attempts, statusCode, durationMs],
          );
          await q('UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL', [delivery.endpoint_id]);
          return;
        }
        const schedule = this.settings.webhooks.retryScheduleMs;
        let waitMs: number | null;
        if (outcome.kind === 'gone')
          waitMs = 0; // kept pending: re-enabling the endpoint sends it
        else if (attempts > schedule.length) waitMs = null;
        else if (outcome.kind === 'throttled') waitMs = outcome.retryAfterMs;
        else waitMs = Math.round(schedule[attempts - 1] * (0.9 + Math.random() * 0.2));
        await q(
          `UPDATE webhook_deliveries SET status = $2, attempts = $3, lease_until = NULL,
                next_attempt_at = CASE WHEN $4::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $4::float8 / 1000) END,
                last_status_code = $5, last_error = $6, last_duration_ms = $7 WHERE id = $1`,
          [delivery.id, waitMs === null ? 'failed' : 'pending', attempts, waitMs, statusCode, excerpt, durationMs],
        );
        const [[endpoint]]: [{ failing_long: boolean }[], number] = await q(
          `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()) WHERE id = $1 AND enabled
         RETURNING failing_since < now() - interval '${FAILING_DISABLES_AFTER}' AS failing_long`,
          [delivery.endpoint_id],
        );
        const reason = outcome.kind === 'gone' ? 'gone' : endpoint?.failing_long ? 'failing' : null;
        if (endpoint && reason) {
          await q('UPDATE webhook_endpoints SET enabled = false, updated_at = now() WHERE id = $1', [delivery.endpoint_id]);
          tx.record(new WebhookEndpointDisabledEvent(delivery.organization_id, delivery.endpoint_id, reason));
          this.logger.warn({ webhook: delivery.endpoint_id, reason }, 'Webhook endpoint disabled');
        }
      },
      { actor: WEBHOOKS },
    );
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedulePoll();
    }, DISPATCH_POLL_MS);
    this.timer.unref();
  }
}
