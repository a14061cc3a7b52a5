import { userActor } from '../../../infrastructure/events/actor.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** Never carries the token or its hash (nor the free-text description). */
export class AuthorizationTokenIssuedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenIssued';
  readonly type = 'tech.entropy.authorization_token.issued';
  readonly aggregateType = 'AuthorizationToken';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly readEnabled: boolean,
    readonly writeEnabled: boolean,
    readonly deleteEnabled: boolean,
    readonly expiresAt: Date | null,
    readonly issuedBy: number,
  ) {
    super();
  }

  get subject(): string {
    return `authorization_tokens/${this.aggregateId}`;
  }

  toData() {
    return {
      token_id: this.aggregateId,
      read_enabled: this.readEnabled,
      write_enabled: this.writeEnabled,
      delete_enabled: this.deleteEnabled,
      expires_at: this.expiresAt?.toISOString() ?? null,
      issued_by: userActor(this.issuedBy),
    };
  }
}
