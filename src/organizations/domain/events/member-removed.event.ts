import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';
import { memberSubject, type MembershipRef } from './member-added.event.js';

export class MemberRemovedEvent extends DomainEvent {
  readonly eventName = 'MemberRemoved';
  readonly type = 'tech.entropy.member.removed';
  readonly aggregateType = 'Organization';
  /** Copied now: the membership row is deleted before the event is written. */
  readonly membershipId: number;

  constructor(
    readonly aggregateId: string,
    membership: MembershipRef,
    readonly userId: number,
    readonly role: Role,
    readonly removedBy: number,
    /** True when the member left on their own. */
    readonly left: boolean,
  ) {
    super();
    this.membershipId = membership.id;
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return memberSubject(this.userId, null);
  }

  toData() {
    return {
      membership_id: this.membershipId,
      user_id: this.userId,
      role: this.role,
      left: this.left,
      removed_by: userActor(this.removedBy),
    };
  }
}
