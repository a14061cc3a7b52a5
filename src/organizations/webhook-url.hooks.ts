import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../infrastructure/events/cloud-event.js';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';

/** Work another module does, inside the writing transaction, when an organization's `webhook_url` is set or cleared. */
export interface WebhookUrlHook {
  /** May throw a domain error (e.g. a URL the webhook rules refuse): the whole change is rolled back. */
  afterWebhookUrlChanged(tx: Transaction, organizationId: string, url: string | null, by: Actor): Promise<void>;
}

/**
 * Credly's `webhook_url` is the organization's primary webhook endpoint: the webhooks module keeps
 * that endpoint in step without the organizations module knowing its tables (it registers here).
 */
@Injectable()
export class WebhookUrlHooks {
  private readonly hooks: WebhookUrlHook[] = [];

  register(hook: WebhookUrlHook): void {
    this.hooks.push(hook);
  }

  async run(tx: Transaction, organizationId: string, url: string | null, by: Actor): Promise<void> {
    for (const hook of this.hooks) await hook.afterWebhookUrlChanged(tx, organizationId, url, by);
  }
}

/**
 * The other direction: the primary endpoint's URL changed or it was deleted through the webhook
 * routes, so the profile field follows (a new version: the organization's ETag changes).
 */
export async function recordWebhookUrl(manager: Pick<EntityManager, 'query'>, organizationId: string, url: string | null): Promise<void> {
  await manager.query(
    `UPDATE organizations SET webhook_url = $2, version = version + 1, updated_at = now() WHERE id = $1 AND webhook_url IS DISTINCT FROM $2`,
    [organizationId, url],
  );
}
