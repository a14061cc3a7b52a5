import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationDeletedEvent extends DomainEvent {
  readonly eventName = 'OrganizationDeleted';
  readonly type = 'tech.entropy.organization.deleted';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly name: string,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return `organizations/${this.aggregateId}`;
  }

  toData() {
    return { organization_id: this.aggregateId, name: this.name };
  }
}
