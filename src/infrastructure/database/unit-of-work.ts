import { Injectable } from '@nestjs/common';
import { AggregateRoot, EventBus } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { DomainEvent } from '../outbox/domain-event.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';

/** What a command handler sees inside its transaction. */
export class Transaction {
  private readonly aggregates = new Set<AggregateRoot<DomainEvent>>();
  private readonly loose: DomainEvent[] = [];

  constructor(readonly manager: EntityManager) {}

  /** Registers an aggregate whose applied events must reach the outbox with this commit. */
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

/**
 * One command = one transaction. Events go to the outbox inside the transaction and onto the
 * in-process EventBus only after the commit, so a rolled-back change publishes nothing.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let events: DomainEvent[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new Transaction(manager);
      const value = await work(tx);
      events = tx.drainEvents();
      if (events.length > 0) {
        await manager.insert(OutboxMessage, events.map((event) => OutboxMessage.from(event)) as QueryDeepPartialEntity<OutboxMessage>[]);
      }
      return value;
    });
    if (events.length > 0) this.eventBus.publishAll(events);
    return result;
  }
}
