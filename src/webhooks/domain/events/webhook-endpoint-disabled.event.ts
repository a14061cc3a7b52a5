import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** The service disabled an endpoint: it answered 410 Gone, or every delivery failed for 5 days. */
export class WebhookEndpointDisabledEvent extends DomainEvent {
  readonly eventName = 'WebhookEndpointDisabled';
  readonly type = 'tech.entropy.webhook_endpoint.disabled';
  readonly aggregateType = 'Organization';

  constructor(
    readonly aggregateId: string,
    readonly webhookId: string,
    readonly reason: 'gone' | 'failing',
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
    return { webhook_id: this.webhookId, reason: this.reason };
  }
}
