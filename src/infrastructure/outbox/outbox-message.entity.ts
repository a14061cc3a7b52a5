import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DomainEvent } from './domain-event.js';

/** An event written in the same transaction as the change that caused it (transactional outbox). */
@Entity('outbox_messages')
export class OutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type' })
  eventType: string;

  @Column({ name: 'aggregate_type' })
  aggregateType: string;

  @Column({ name: 'aggregate_id' })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  static from(event: DomainEvent): OutboxMessage {
    const message = new OutboxMessage();
    message.eventId = event.eventId;
    message.eventType = event.eventName;
    message.aggregateType = event.aggregateType;
    message.aggregateId = event.aggregateId;
    message.payload = event.toPayload();
    message.occurredAt = event.occurredAt;
    message.publishedAt = null;
    return message;
  }
}
