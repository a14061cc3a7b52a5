import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** Never carries the invited email. */
export class InvitationExpiredEvent extends DomainEvent {
  readonly eventName = 'InvitationExpired';
  readonly type = 'tech.entropy.invitation.expired';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly role: Role,
    readonly expiredAt: Date,
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
    return { invitation_id: this.invitationId, role: this.role, expired_at: this.expiredAt.toISOString() };
  }
}
