import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/**
 * A Facebook identity was attached to an existing account, explicitly: by its signed-in owner
 * (`GET /v1/auth/facebook?link=1`) or by an operator (CLI). A user event; no Facebook id or email.
 */
export class UserFacebookLinkedEvent extends DomainEvent {
  readonly eventName = 'UserFacebookLinked';
  readonly type = 'tech.entropy.user.facebook_linked';
  readonly aggregateType = 'User';
  readonly aggregateId: string;
  readonly organizationId = null;
  readonly subject = null;

  constructor(
    readonly userId: number,
    readonly via: 'sign_in' | 'cli',
  ) {
    super();
    this.aggregateId = String(userId);
  }

  toData() {
    return { user_id: this.userId, provider: 'facebook', via: this.via };
  }
}
