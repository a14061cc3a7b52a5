import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import type { Actor } from '../infrastructure/events/cloud-event.js';
import { OrganizationDeletionHooks, type OrganizationDeletionHook } from '../organizations/organization-deletion.hooks.js';
import { WebhookUrlHooks, type WebhookUrlHook } from '../organizations/webhook-url.hooks.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';

/**
 * Takes part in the organizations module's transactions: `webhook_url` set or cleared moves the
 * primary endpoint; a deleted organization's endpoints are deleted and their pending deliveries cancelled.
 */
@Injectable()
export class WebhookOrganizationHooks implements WebhookUrlHook, OrganizationDeletionHook, OnModuleInit {
  constructor(
    private readonly urlHooks: WebhookUrlHooks,
    private readonly deletionHooks: OrganizationDeletionHooks,
    private readonly endpoints: WebhookEndpoints,
  ) {}

  onModuleInit(): void {
    this.urlHooks.register(this);
    this.deletionHooks.register(this);
  }

  afterWebhookUrlChanged(tx: Transaction, organizationId: string, url: string | null, by: Actor): Promise<void> {
    return this.endpoints.syncPrimary(tx, organizationId, url, by);
  }

  beforeOrganizationDeleted(tx: Transaction, organizationId: string): Promise<void> {
    return this.endpoints.cancelForOrganization(tx, organizationId);
  }
}
