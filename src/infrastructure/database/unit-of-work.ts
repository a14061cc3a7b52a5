import { Injectable } from '@nestjs/common';
import { AggregateRoot, EventBus } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../events/cloud-event.js';
import { EventRecord } from '../events/event-record.entity.js';
import { EventSequencer } from '../events/event-sequencer.js';
import type { DomainEvent } from '../outbox/domain-event.js';

/**
 * Who caused a unit of work and which request it belongs to, stored with each of its events.
 * Commands carry these as plain values and hand them to `UnitOfWork.run`: explicit, testable, and
 * free for the read paths (no request-scoped providers, no async context on every GET).
 */
export interface WorkContext {
  actor?: Actor | null;
  /** The request's X-Request-Id. */
  correlationId?: string | null;
}

/** What a command handler sees inside its transaction. */
export class Transaction {
  private readonly aggregates = new Set<AggregateRoot<DomainEvent>>();
  private readonly loose: DomainEvent[] = [];

  constructor(readonly manager: EntityManager) {}

  /** Registers an aggregate whose applied events must reach the event log with this commit. */
  track<A extends AggregateRoot<DomainEvent>>(aggregate: A): A {
    this.aggregates.add(aggregate);
    return aggregate;
  }

  /** Records an event that belongs to no loaded aggregate (e.g. a bulk change). */
  record(event: DomainEvent): void {
    this.loose.push(event);
  }

  drainEvents(): DomainEvent[] {
    const events = [...this.loose];
    this.loose.length = 0;
    for (const aggregate of this.aggregates) {
      events.push(...aggregate.getUncommittedEvents());
      aggregate.uncommit();
    }
    return events;
  }
}

/** The event-log row of a domain event (`sequence` stays NULL: the EventSequencer numbers it after the commit). */
export function eventRecordOf(event: DomainEvent, context: WorkContext = {}): QueryDeepPartialEntity<EventRecord> {
  return {
    id: event.eventId,
    type: event.type,
    organizationId: event.organizationId,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    subject: event.subject,
    data: event.toData(),
    dataVersion: event.dataVersion,
    actor: context.actor ?? null,
    correlationId: context.correlationId ?? null,
  } as QueryDeepPartialEntity<EventRecord>;
}

/**
 * One command = one transaction. Events go to the event log inside the transaction and onto the
 * in-process EventBus only after the commit, so a rolled-back change publishes nothing. After a
 * commit that wrote events the sequencer is woken (not awaited: the request does not wait for it).
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
    private readonly sequencer: EventSequencer,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>, context: WorkContext = {}): Promise<T> {
    let events: DomainEvent[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new Transaction(manager);
      const value = await work(tx);
      events = tx.drainEvents();
      if (events.length > 0) {
        await manager.insert(
          EventRecord,
          events.map((event) => eventRecordOf(event, context)),
        );
      }
      return value;
    });
    if (events.length > 0) {
      this.sequencer.wake();
      this.eventBus.publishAll(events);
    }
    return result;
  }
}
