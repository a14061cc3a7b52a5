import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

export class InvitationRevokedEvent extends DomainEvent {
  readonly eventName = 'InvitationRevoked';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly role: Role,
    readonly revokedBy: number,
  ) {
    super();
  }
}
