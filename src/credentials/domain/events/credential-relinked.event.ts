import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class CredentialRelinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialRelinked';
  readonly type = 'tech.entropy.credential.relinked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly name: string,
    readonly facebookUserId: string,
    readonly scopes: string[],
    readonly expiresAt: Date | null,
    readonly previousStatus: string,
  ) {
    super();
  }

  get subject(): string {
    return `credentials/${this.aggregateId}`;
  }

  toData() {
    return {
      credential_id: Number(this.aggregateId),
      name: this.name,
      facebook_user_id: this.facebookUserId,
      scopes: this.scopes,
      expires_at: this.expiresAt?.toISOString() ?? null,
      previous_status: this.previousStatus,
    };
  }
}
