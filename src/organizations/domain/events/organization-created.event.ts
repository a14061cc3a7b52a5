import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationCreatedEvent extends DomainEvent {
  readonly eventName = 'OrganizationCreated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly name: string,
    readonly ownerId: number,
  ) {
    super();
  }
}
