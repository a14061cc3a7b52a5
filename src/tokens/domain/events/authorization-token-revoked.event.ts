import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/**
 * Why a token stopped working: revoked by hand, gone with its organization, or its creator left,
 * was removed, or was demoted to a role that may not hold tokens.
 */
export type TokenRevocationReason = 'revoked' | 'organization_deleted' | 'creator_removed' | 'creator_demoted';

export class AuthorizationTokenRevokedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenRevoked';
  readonly type = 'tech.entropy.authorization_token.revoked';
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

  get subject(): string {
    return `authorization_tokens/${this.aggregateId}`;
  }

  toData() {
    return {
      token_id: this.aggregateId,
      reason: this.reason,
      revoked_by: this.revokedBy === null ? null : userActor(this.revokedBy),
    };
  }
}
