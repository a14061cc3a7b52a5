import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class CredentialLinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialLinked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly facebookUserId: string,
    readonly scopes: string[],
    readonly expiresAt: Date | null,
    readonly linkedBy: string,
  ) {
    super();
  }
}
