import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';
import { parseActor } from '../../../infrastructure/events/actor.js';

/** The credential's own GET shows its Facebook id and name to the organization: both may be here, never the token. */
export class CredentialLinkedEvent extends DomainEvent {
  readonly eventName = 'CredentialLinked';
  readonly type = 'tech.entropy.credential.linked';
  readonly aggregateType = 'Credential';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly name: string,
    readonly facebookUserId: string,
    readonly scopes: string[],
    readonly expiresAt: Date | null,
    /** `user:<id>` or `token:<id>`, as stored in the credential's `created_by`. */
    readonly linkedBy: string,
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
      linked_by: parseActor(this.linkedBy),
    };
  }
}
