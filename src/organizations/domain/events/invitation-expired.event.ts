import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

export class InvitationExpiredEvent extends DomainEvent {
  readonly eventName = 'InvitationExpired';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly role: Role,
    readonly expiredAt: Date,
  ) {
    super();
  }
}
