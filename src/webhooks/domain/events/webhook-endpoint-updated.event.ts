import type { Actor } from '../../../infrastructure/events/cloud-event.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** The changed field names (`url`, `description`, `event_types`, `enabled`, `secret` on a rotation); never their secret values. */
export class WebhookEndpointUpdatedEvent extends DomainEvent {
  readonly eventName = 'WebhookEndpointUpdated';
  readonly type = 'tech.entropy.webhook_endpoint.updated';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly webhookId: string,
    readonly changed: string[],
    readonly updatedBy: Actor | null,
  ) {
    super();
  }

  get organizationId(): string {
    return this.aggregateId;
  }

  get subject(): string {
    return `webhooks/${this.webhookId}`;
  }

  toData() {
    return { webhook_id: this.webhookId, changed: this.changed, updated_by: this.updatedBy };
  }
}
