import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';

/** The membership an event is about; its id is read when the event is written (a new membership has one only after its insert). */
export interface MembershipRef {
  readonly id: number;
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
    /** The invitation's id while pending, null for a member active at once. */
    readonly invitationId: string | null,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return memberSubject(this.userId, this.membership.id);
  }

  toData() {
    return {
      membership_id: this.membership.id,
      user_id: this.userId,
      role: this.role,
      status: this.status,
      added_by: userActor(this.addedBy),
    };
  }
}

/** `members/<user id>` (the member routes' id); a pending membership: `invitations/<membership id>`. */
export function memberSubject(userId: number | null, membershipId: number): string {
  return userId === null ? `invitations/${membershipId}` : `members/${userId}`;
}
