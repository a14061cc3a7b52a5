import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

export class MemberRoleChangedEvent extends DomainEvent {
  readonly eventName = 'MemberRoleChanged';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly userId: number,
    readonly from: Role,
    readonly to: Role,
    readonly changedBy: number,
  ) {
    super();
  }
}
