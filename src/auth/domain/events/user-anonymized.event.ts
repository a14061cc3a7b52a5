import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** A Facebook data-deletion request anonymized the user: their name, email and Facebook id are gone. */
export class UserAnonymizedEvent extends DomainEvent {
  readonly eventName = 'UserAnonymized';
  readonly type = 'tech.entropy.user.anonymized';
  readonly aggregateType = 'User';
  readonly aggregateId: string;
  readonly organizationId = null;
  readonly subject = null;

  constructor(
    readonly userId: number,
    readonly reason: 'data_deletion',
  ) {
    super();
    this.aggregateId = String(userId);
  }

  toData() {
    return { user_id: this.userId, reason: this.reason };
  }
}
