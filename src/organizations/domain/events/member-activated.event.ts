import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** A pending invitation was taken up: an account with its email was created or signed in. No email. */
export class MemberActivatedEvent extends DomainEvent {
  readonly eventName = 'MemberActivated';
  readonly type = 'tech.entropy.member.activated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly invitationId: string,
    readonly userId: number,
    readonly role: Role,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return `members/${this.userId}`;
  }

  toData() {
    return { invitation_id: this.invitationId, user_id: this.userId, role: this.role };
  }
}
