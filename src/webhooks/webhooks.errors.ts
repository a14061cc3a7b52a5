import { DomainError } from '../infrastructure/errors/domain-error.js';

export class WebhookNotFoundError extends DomainError {
  readonly code = 'WEBHOOKS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Webhook endpoint not found');
  }
}

export class DeliveryNotFoundError extends DomainError {
  readonly code = 'WEBHOOKS.DELIVERY_NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Webhook delivery not found');
  }
}

export class WebhookLimitError extends DomainError {
  readonly code = 'WEBHOOKS.LIMIT';
  readonly kind = 'conflict';
  constructor(limit: number) {
    super(`An organization has at most ${limit} webhook endpoints; delete one first`);
  }
}

export class WebhookUrlRejectedError extends DomainError {
  readonly code = 'VALIDATION.FAILED';
  readonly kind = 'invalid';
  constructor(field: string, why: string) {
    super(`${field} ${why}`, [{ field, message: why }]);
  }
}
