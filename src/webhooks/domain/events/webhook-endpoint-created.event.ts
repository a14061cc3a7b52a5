import type { Actor } from '../../../infrastructure/events/cloud-event.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** Never the secret, nor the URL (a customer may put a token in it; the feed is readable by tokens). */
export class WebhookEndpointCreatedEvent extends DomainEvent {
  readonly eventName = 'WebhookEndpointCreated';
  readonly type = 'tech.entropy.webhook_endpoint.created';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly webhookId: string,
    readonly eventTypes: string[],
    readonly enabled: boolean,
    readonly primary: boolean,
    readonly createdBy: Actor | null,
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
    return {
      webhook_id: this.webhookId,
      event_types: this.eventTypes,
      enabled: this.enabled,
      primary: this.primary,
      created_by: this.createdBy,
    };
  }
}
