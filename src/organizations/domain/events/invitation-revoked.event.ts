import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** Never carries the invited email. */
export class InvitationRevokedEvent extends DomainEvent {
  readonly eventName = 'InvitationRevoked';
  readonly type = 'tech.entropy.invitation.revoked';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly role: Role,
    readonly revokedBy: number,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return `invitations/${this.invitationId}`;
  }

  toData() {
    return { invitation_id: this.invitationId, role: this.role, revoked_by: userActor(this.revokedBy) };
  }
}
