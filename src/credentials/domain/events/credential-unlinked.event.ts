import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type UnlinkReason = 'unlinked' | 'organization_deleted';

export class CredentialUnlinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialUnlinked';
  readonly type = 'tech.entropy.credential.unlinked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    readonly reason: UnlinkReason,
    /**
     * Whether a revocation at Facebook was queued (not when another organization still uses that
     * account). In-process only: in the data it would tell this organization about another one.
     */
    readonly revokeQueued: boolean,
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
