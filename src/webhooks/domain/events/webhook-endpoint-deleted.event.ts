import type { Actor } from '../../../infrastructure/events/cloud-event.js';
import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

export class WebhookEndpointDeletedEvent extends DomainEvent {
  readonly eventName = 'WebhookEndpointDeleted';
  readonly type = 'tech.entropy.webhook_endpoint.deleted';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly webhookId: string,
    /** Pending deliveries cancelled with it. */
    readonly cancelledDeliveries: number,
    readonly deletedBy: Actor | null,
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
    return { webhook_id: this.webhookId, cancelled_deliveries: this.cancelledDeliveries, deleted_by: this.deletedBy };
  }
}
