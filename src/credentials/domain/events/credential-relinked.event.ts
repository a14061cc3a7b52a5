import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class CredentialRelinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialRelinked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    readonly scopes: string[],
    readonly expiresAt: Date | null,
    readonly previousStatus: string,
  ) {
    super();
  }
}
