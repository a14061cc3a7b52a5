import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class AuthorizationTokenRevokedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenRevoked';
  readonly type = 'tech.entropy.authorization_token.revoked';
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
