import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type UnlinkReason = 'unlinked' | 'organization_deleted';

export class CredentialUnlinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialUnlinked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    readonly reason: UnlinkReason,
    /** Whether a revocation at Facebook was queued (not when another organization still uses that account). */
    readonly revokeQueued: boolean,
  ) {
    super();
  }
}
