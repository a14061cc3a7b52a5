import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { PageQueryDto, sendPage } from '../infrastructure/http/paging.js';
import { uuidParam } from '../infrastructure/http/params.js';
import { CreateWebhookRequestDto, UpdateWebhookRequestDto } from './dto/webhook-endpoint.request.dto.js';
import {
  CreatedWebhookEndpointResponseDto,
  DeliveryIdResponseDto,
  WebhookDeliveryResponseDto,
  WebhookEndpointResponseDto,
  WebhookSecretResponseDto,
} from './dto/webhook-endpoint.response.dto.js';
import { WebhookEndpoints } from './webhook-endpoints.service.js';

const PAGED = { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } };
const WHO =
  'Owners and admins of the organization (and platform admins); authorization tokens never manage webhooks (403): endpoints hold secrets.';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('organizations/:id/webhooks')
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Post()
  // The answer holds the secret: no cache keeps it, and an Idempotency-Key retry cannot replay it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create a webhook endpoint (at most 10); its signing secret is in this answer',
    description: `${WHO} The URL must be https (http outside production) and not an IP literal in a private range.`,
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422)
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreateWebhookRequestDto,
  ): Promise<CreatedWebhookEndpointResponseDto> {
    return this.endpoints.create(principal, id, body);
  }

  @Get()
  @ApiOperation({ summary: "The organization's webhook endpoints, oldest first, paged; no secret", description: WHO })
  @ApiOkResponse({ type: [WebhookEndpointResponseDto], headers: PAGED })
  @ApiErrors(400, 401, 403, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookEndpointResponseDto[]> {
    return sendPage(request, reply, await this.endpoints.list(principal, id, page.per, page.cursor), page.per);
  }

  @Get(':webhookId')
  @ApiOperation({ summary: 'One webhook endpoint', description: WHO })
  @ApiOkResponse({ type: WebhookEndpointResponseDto })
  @ApiErrors(400, 401, 403, 404)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
  ): Promise<WebhookEndpointResponseDto> {
    return this.endpoints.get(principal, id, webhookId);
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change url, description, event_types or enabled', description: `${WHO} Re-enabling resumes what is pending.` })
  @ApiOkResponse({ type: WebhookEndpointResponseDto })
  @ApiErrors(400, 401, 403, 404, 413)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
    @Body() body: UpdateWebhookRequestDto,
  ): Promise<WebhookEndpointResponseDto> {
    return this.endpoints.update(principal, id, webhookId, body);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint; its pending deliveries are cancelled', description: WHO })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
  ): Promise<void> {
    await this.endpoints.remove(principal, id, webhookId);
  }

  @Get(':webhookId/secret')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The endpoint's current signing secret", description: WHO })
  @ApiOkResponse({ type: WebhookSecretResponseDto })
  @ApiErrors(400, 401, 403, 404)
  secret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
  ): Promise<WebhookSecretResponseDto> {
    return this.endpoints.secret(principal, id, webhookId);
  }

  @Post(':webhookId/rotate_secret')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Make a new signing secret; for 24 h deliveries are signed with both the new and the old one',
    description: WHO,
  })
  @ApiCreatedResponse({ type: WebhookSecretResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
  ): Promise<WebhookSecretResponseDto> {
    return this.endpoints.rotateSecret(principal, id, webhookId);
  }

  @Post(':webhookId/ping')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a tech.entropy.webhook.ping to this endpoint only',
    description: `${WHO} Not in the event feed nor on RabbitMQ; follow it in the delivery log.`,
  })
  @ApiAcceptedResponse({ type: DeliveryIdResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  ping(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
  ): Promise<DeliveryIdResponseDto> {
    return this.endpoints.ping(principal, id, webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first, paged", description: WHO })
  @ApiOkResponse({ type: [WebhookDeliveryResponseDto], headers: PAGED })
  @ApiErrors(400, 401, 403, 404)
  async deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookDeliveryResponseDto[]> {
    return sendPage(request, reply, await this.endpoints.deliveries(principal, id, webhookId, page.per, page.cursor), page.per);
  }

  @Post(':webhookId/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'One more attempt of a delivery now (a failed one too)', description: WHO })
  @ApiAcceptedResponse()
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('webhookId', uuidParam('webhookId')) webhookId: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ): Promise<void> {
    await this.endpoints.retry(principal, id, webhookId, deliveryId);
  }
}
