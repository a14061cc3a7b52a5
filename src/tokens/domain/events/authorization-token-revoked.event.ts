import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/**
 * Why a token stopped working: revoked by hand, gone with its organization, or its creator left,
 * was removed, or was demoted to a role that may not hold tokens.
 */
export type TokenRevocationReason = 'revoked' | 'organization_deleted' | 'creator_removed' | 'creator_demoted';

export class AuthorizationTokenRevokedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenRevoked';
  readonly aggregateType = 'AuthorizationToken';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly reason: TokenRevocationReason,
    /** The user who revoked it, or who removed or demoted its creator; null when it went with its organization. */
    readonly revokedBy: number | null,
  ) {
    super();
  }
}
