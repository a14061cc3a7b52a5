import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export type RevokeReason = 'deauthorized' | 'data_deletion';

export class CredentialRevokedEvent extends DomainEvent {
  readonly eventName = 'CredentialRevoked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    readonly reason: RevokeReason,
  ) {
    super();
  }
}
