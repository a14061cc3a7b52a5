import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class AuthorizationTokenRevokedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenRevoked';
  readonly aggregateType = 'AuthorizationToken';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly reason: 'revoked' | 'organization_deleted',
    /** The user who revoked it; null when it went with its organization. */
    readonly revokedBy: number | null,
  ) {
    super();
  }
}
