import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** A user event: no organization; its source is `/v1/users/{id}`. No name or email in the data. */
export class UserSignedUpEvent extends DomainEvent {
  readonly eventName = 'UserSignedUp';
  readonly type = 'tech.entropy.user.signed_up';
  readonly aggregateType = 'User';
  readonly aggregateId: string;
  readonly organizationId = null;
  readonly subject = null;

  constructor(
    readonly userId: number,
    readonly via: 'cli' | 'facebook' | 'bootstrap',
  ) {
    super();
    this.aggregateId = String(userId);
  }

  toData() {
    return { user_id: this.userId, via: this.via };
  }
}
