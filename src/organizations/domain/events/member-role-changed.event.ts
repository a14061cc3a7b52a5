import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import type { Role } from '../role.js';
import { memberSubject, type MembershipRef } from './member-added.event.js';

export class MemberRoleChangedEvent extends DomainEvent {
  readonly eventName = 'MemberRoleChanged';
  readonly type = 'tech.entropy.member.role_changed';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly membership: MembershipRef,
    readonly userId: number,
    readonly from: Role,
    readonly to: Role,
    readonly changedBy: number,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return memberSubject(this.userId, null);
  }

  toData() {
    return {
      membership_id: this.membership.id,
      user_id: this.userId,
      previous_role: this.from,
      role: this.to,
      changed_by: userActor(this.changedBy),
    };
  }
}
