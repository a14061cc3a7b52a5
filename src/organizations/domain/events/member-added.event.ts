import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

export class MemberAddedEvent extends DomainEvent {
  readonly eventName = 'MemberAdded';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    /** Null while the membership is pending on an email nobody has signed up with yet. */
    readonly userId: number | null,
    readonly email: string | null,
    readonly role: Role,
    readonly status: 'active' | 'pending',
    readonly addedBy: number,
    /** The invitation's id while pending, null for a member active at once. */
    readonly invitationId: string | null,
  ) {
    super();
  }
}
