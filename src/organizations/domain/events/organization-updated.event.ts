import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationUpdatedEvent extends DomainEvent {
  readonly eventName = 'OrganizationUpdated';
  readonly type = 'tech.entropy.organization.updated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    /** Names only (snake_case, as in the API): values may be contact emails. */
    readonly changedFields: string[],
    readonly version: number,
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
    return { organization_id: this.aggregateId, changed_fields: this.changedFields, version: this.version };
  }
}
