import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

export class MemberRemovedEvent extends DomainEvent {
  readonly eventName = 'MemberRemoved';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly userId: number,
    readonly role: Role,
    readonly removedBy: number,
    /** True when the member left on their own. */
    readonly left: boolean,
  ) {
    super();
  }
}
