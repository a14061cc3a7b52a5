import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** A pending invitation was taken up: an account with its email was created or signed in. */
export class MemberActivatedEvent extends DomainEvent {
  readonly eventName = 'MemberActivated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly userId: number,
    readonly role: Role,
  ) {
    super();
  }
}
