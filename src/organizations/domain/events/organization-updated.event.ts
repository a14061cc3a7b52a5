import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationUpdatedEvent extends DomainEvent {
  readonly eventName = 'OrganizationUpdated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly changedFields: string[],
    readonly version: number,
  ) {
    super();
  }
}
