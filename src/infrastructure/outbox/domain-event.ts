import { randomUUID } from 'node:crypto';
import type { IEvent } from '@nestjs/cqrs';

const ENVELOPE_FIELDS = new Set(['eventId', 'occurredAt', 'eventName', 'aggregateType', 'aggregateId']);

/**
 * Base of every domain event: published in-process on the CQRS EventBus and stored in the
 * outbox. Subclasses hold only non-secret fields; everything they hold becomes the payload.
 */
export abstract class DomainEvent implements IEvent {
  readonly eventId: string = randomUUID();
  readonly occurredAt: Date = new Date();
  /** The contract's event name, e.g. `OrganizationCreated`. */
  abstract readonly eventName: string;
  abstract readonly aggregateType: string;
  abstract readonly aggregateId: string;

  toPayload(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this).filter(([key]) => !ENVELOPE_FIELDS.has(key)));
  }
}
