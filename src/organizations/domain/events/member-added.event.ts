import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** The membership an event is about; its id is read when the event is written (a new membership has one only after its insert). */
export interface MembershipRef {
  readonly id: number;
  /** Set while the membership is a pending invitation (the id of the invitation routes). */
  readonly invitationId: string | null;
}

/** Never carries the invited email: a pending member is identified by `membership_id` only. */
export class MemberAddedEvent extends DomainEvent {
  readonly eventName = 'MemberAdded';
  readonly type = 'tech.entropy.member.added';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly membership: MembershipRef,
    /** Null while the membership is pending on an email nobody has signed up with yet. */
    readonly userId: number | null,
    readonly role: Role,
    readonly status: 'active' | 'pending',
    readonly addedBy: number,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return memberSubject(this.userId, this.membership.invitationId);
  }

  toData() {
    return {
      membership_id: this.membership.id,
      invitation_id: this.membership.invitationId,
      user_id: this.userId,
      role: this.role,
      status: this.status,
      added_by: userActor(this.addedBy),
    };
  }
}

/** `members/<user id>` (the member routes' id); a pending membership: `invitations/<invitation id>` (the invitation routes' id). */
export function memberSubject(userId: number | null, invitationId: string | null): string {
  return userId === null ? `invitations/${invitationId}` : `members/${userId}`;
}
