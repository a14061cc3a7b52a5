import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type ExpiryReason = 'expired' | 'invalidated';

export class CredentialExpiredEvent extends DomainEvent {
  readonly eventName = 'CredentialExpired';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    /** `expired`: its expiry passed; `invalidated`: Facebook's debug_token says it is no longer valid. */
    readonly reason: ExpiryReason,
  ) {
    super();
  }
}
