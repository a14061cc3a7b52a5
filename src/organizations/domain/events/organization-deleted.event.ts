import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationDeletedEvent extends DomainEvent {
  readonly eventName = 'OrganizationDeleted';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly name: string,
  ) {
    super();
  }
}
