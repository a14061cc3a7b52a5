import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type ExpiryReason = 'expired' | 'invalidated';

export class CredentialExpiredEvent extends DomainEvent {
  readonly eventName = 'CredentialExpired';
  readonly type = 'tech.entropy.credential.expired';
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

  get subject(): string {
    return `credentials/${this.aggregateId}`;
  }

  toData() {
    return { credential_id: Number(this.aggregateId), facebook_user_id: this.facebookUserId, reason: this.reason };
  }
}
