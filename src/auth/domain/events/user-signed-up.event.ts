import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class UserSignedUpEvent extends DomainEvent {
  readonly eventName = 'UserSignedUp';
  readonly aggregateType = 'User';
  readonly aggregateId: string;

  constructor(
    readonly userId: number,
    readonly via: 'cli' | 'facebook' | 'bootstrap',
  ) {
    super();
    this.aggregateId = String(userId);
  }
}
