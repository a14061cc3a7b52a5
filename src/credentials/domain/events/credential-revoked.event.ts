import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type RevokeReason = 'deauthorized' | 'data_deletion';

export class CredentialRevokedEvent extends DomainEvent {
  readonly eventName = 'CredentialRevoked';
  readonly type = 'tech.entropy.credential.revoked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    /** Null when revoked by a data deletion request: the event must not keep what was erased. */
    readonly facebookUserId: string | null,
    readonly reason: RevokeReason,
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
