import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Actor, StoredEvent } from './cloud-event.js';

/**
 * One row of the event log, written in the same transaction as the change that caused it
 * (transactional outbox). `sequence` and `committed_at` are set after the commit by the
 * EventSequencer; the relay sets the delivery columns.
 */
@Entity('events')
export class EventRecord implements StoredEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'aggregate_type', type: 'text' })
  aggregateType: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId: string;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'data_version', type: 'integer' })
  dataVersion: number;

  @Column({ type: 'jsonb', nullable: true })
  actor: Actor | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false })
  recordedAt: Date;

  @Column({ type: 'bigint', nullable: true, insert: false })
  sequence: string | null;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true, insert: false })
  committedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true, insert: false })
  publishedAt: Date | null;

  @Column({ name: 'publish_attempts', type: 'integer', insert: false })
  publishAttempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true, insert: false })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true, insert: false })
  lastError: string | null;

  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true, insert: false })
  deadAt: Date | null;
}

/**
 * The columns of `events` as a StoredEvent, for raw SQL readers (`SELECT ${STORED_EVENT_COLUMNS} FROM events`).
 * `sequence` comes out as text: order by `events.sequence`, not by the bare (text) output name.
 */
export const STORED_EVENT_COLUMNS = `id, type, organization_id AS "organizationId", aggregate_type AS "aggregateType",
  aggregate_id AS "aggregateId", subject, data, data_version AS "dataVersion", actor, correlation_id AS "correlationId",
  recorded_at AS "recordedAt", sequence::text AS sequence, committed_at AS "committedAt", published_at AS "publishedAt",
  publish_attempts AS "publishAttempts", next_attempt_at AS "nextAttemptAt", last_error AS "lastError", dead_at AS "deadAt"`;
