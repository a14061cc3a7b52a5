import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { WebhookDispatcher } from './delivery/webhook-dispatcher.js';
import { WebhookOrganizationHooks } from './primary-endpoint.hooks.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';
import { WebhooksController } from './webhooks.controller.js';

/** Customer webhooks (Standard Webhooks): endpoints, their secrets, and the delivery of committed events to them. */
@Module({
  imports: [OrganizationsModule],
  controllers: [WebhooksController],
  providers: [WebhookEndpoints, WebhookOrganizationHooks, WebhookDispatcher],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
