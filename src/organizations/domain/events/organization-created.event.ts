import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class OrganizationCreatedEvent extends DomainEvent {
  readonly eventName = 'OrganizationCreated';
  readonly type = 'tech.entropy.organization.created';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly name: string,
    readonly ownerId: number,
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
    return { organization_id: this.aggregateId, name: this.name, created_by: userActor(this.ownerId) };
  }
}
