import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOfPrincipal, workContextOf, type Principal } from '../common/principal.js';
import { appConfig, type AppConfig } from '../infrastructure/config/app.config.js';
import { UnitOfWork, type Transaction } from '../infrastructure/database/unit-of-work.js';
import type { Actor } from '../infrastructure/events/cloud-event.js';
import { decodeCreatedAtIdCursor, toPage, type Page } from '../infrastructure/http/paging.js';
import { SecretBox } from '../infrastructure/security/secret-box.js';
import { authorize, type AccessRule } from '../organizations/organization-access.js';
import { OrganizationNotFoundError } from '../organizations/organizations.errors.js';
import { recordWebhookUrl } from '../organizations/webhook-url.hooks.js';
import { WebhookEndpointCreatedEvent } from './domain/events/webhook-endpoint-created.event.js';
import { WebhookEndpointDeletedEvent } from './domain/events/webhook-endpoint-deleted.event.js';
import { WebhookEndpointUpdatedEvent } from './domain/events/webhook-endpoint-updated.event.js';
import type { CreateWebhookRequestDto, UpdateWebhookRequestDto } from './dto/webhook-endpoint.request.dto.js';
import {
  toWebhookDeliveryResponse,
  toWebhookEndpointResponse,
  type CreatedWebhookEndpointResponseDto,
  type WebhookDeliveryResponseDto,
  type WebhookDeliveryRow,
  type WebhookEndpointResponseDto,
  type WebhookEndpointRow,
} from './dto/webhook-endpoint.response.dto.js';
import { PING_EVENT_TYPE } from './event-types.js';
import { generateWebhookSecret, webhookSecretIdentity } from './webhook-secret.js';
import { assertWebhookUrl } from './webhook-url.js';
import { DeliveryNotFoundError, WebhookLimitError, WebhookNotFoundError } from './webhooks.errors.js';

/** Owners and admins; never a token: endpoints hold secrets. */
export const MANAGE_WEBHOOKS: AccessRule = { roles: ['owner', 'admin'], token: false };

export const MAX_ENDPOINTS = 10;
/** How long the previous secret keeps signing after a rotation. */
const ROTATION_OVERLAP = '24 hours';

const ENDPOINT_COLUMNS = 'id, url, description, event_types, enabled, is_primary, created_at, updated_at';
const DELIVERY_COLUMNS = `id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error,
  last_duration_ms, created_at, delivered_at`;

type Db = Pick<EntityManager, 'query'>;

interface NewEndpoint {
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  primary: boolean;
}

/**
 * The webhook endpoints of an organization: each use case one unit of work, its events written
 * with the change. Also the primary endpoint that mirrors the organization's `webhook_url`.
 */
@Injectable()
export class WebhookEndpoints {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  create(principal: Principal, organizationId: string, body: CreateWebhookRequestDto): Promise<CreatedWebhookEndpointResponseDto> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      const url = this.checkedUrl(body.url);
      const { row, secret } = await this.insert(
        tx,
        organizationId,
        {
          url,
          description: body.description ?? null,
          eventTypes: normalizeEventTypes(body.event_types ?? ['*']),
          enabled: body.enabled ?? true,
          primary: false,
        },
        actorOfPrincipal(principal),
      );
      return { ...toWebhookEndpointResponse(row), secret };
    }, workContextOf(principal));
  }

  async list(principal: Principal, organizationId: string, per: number, cursor?: string): Promise<Page<WebhookEndpointResponseDto>> {
    const after = decodeCreatedAtIdCursor(cursor);
    await authorize(this.dataSource, principal, organizationId, MANAGE_WEBHOOKS);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ENDPOINT_COLUMNS}, created_at::text AS k_ts FROM webhook_endpoints
          WHERE organization_id = $1 ${after ? 'AND (created_at, id) > ($2::timestamptz, $3::uuid)' : ''}
          ORDER BY created_at, id LIMIT ${per + 1}`,
        after ? [organizationId, ...after] : [organizationId],
      ) as Promise<(WebhookEndpointRow & { k_ts: string })[]>,
      this.dataSource.query('SELECT count(*)::int AS count FROM webhook_endpoints WHERE organization_id = $1', [organizationId]) as Promise<
        { count: number }[]
      >,
    ]);
    return toPage(rows, per, count, (row) => [row.k_ts, row.id], toWebhookEndpointResponse);
  }

  async get(principal: Principal, organizationId: string, webhookId: string): Promise<WebhookEndpointResponseDto> {
    await authorize(this.dataSource, principal, organizationId, MANAGE_WEBHOOKS);
    return toWebhookEndpointResponse(await this.find(this.dataSource, organizationId, webhookId));
  }

  update(
    principal: Principal,
    organizationId: string,
    webhookId: string,
    body: UpdateWebhookRequestDto,
  ): Promise<WebhookEndpointResponseDto> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      const current = await this.find(tx.manager, organizationId, webhookId, true);
      const next = {
        url: body.url === undefined ? current.url : this.checkedUrl(body.url),
        description: body.description === undefined ? current.description : body.description,
        event_types: body.event_types === undefined ? current.event_types : normalizeEventTypes(body.event_types),
        enabled: body.enabled ?? current.enabled,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (field) => JSON.stringify(next[field]) !== JSON.stringify(current[field]),
      );
      if (changed.length === 0) return toWebhookEndpointResponse(current);
      // TypeORM answers an UPDATE with [rows, affected count].
      const [[row]]: [WebhookEndpointRow[], number] = await tx.manager.query(
        `UPDATE webhook_endpoints SET url = $2, description = $3, event_types = $4, enabled = $5, updated_at = now(),
                failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END
          WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
        [webhookId, next.url, next.description, next.event_types, next.enabled],
      );
      // Re-enabled: what is pending is due now (not at the end of a backoff that began before).
      if (next.enabled && !current.enabled) {
        await tx.manager.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE endpoint_id = $1 AND status = 'pending'`, [
          webhookId,
        ]);
      }
      if (current.is_primary && changed.includes('url')) await recordWebhookUrl(tx.manager, organizationId, next.url);
      tx.record(new WebhookEndpointUpdatedEvent(organizationId, webhookId, changed, actorOfPrincipal(principal)));
      return toWebhookEndpointResponse(row);
    }, workContextOf(principal));
  }

  remove(principal: Principal, organizationId: string, webhookId: string): Promise<void> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      const current = await this.find(tx.manager, organizationId, webhookId, true);
      await this.delete(tx, organizationId, webhookId, actorOfPrincipal(principal));
      if (current.is_primary) await recordWebhookUrl(tx.manager, organizationId, null);
    }, workContextOf(principal));
  }

  /** The newest secret (the one a rotation just made, while the previous one still signs). */
  async secret(principal: Principal, organizationId: string, webhookId: string): Promise<{ secret: string }> {
    await authorize(this.dataSource, principal, organizationId, MANAGE_WEBHOOKS);
    await this.find(this.dataSource, organizationId, webhookId);
    const [row]: { id: number; encrypted_secret: string }[] = await this.dataSource.query(
      'SELECT id, encrypted_secret FROM webhook_secrets WHERE endpoint_id = $1 ORDER BY id DESC LIMIT 1',
      [webhookId],
    );
    return { secret: this.box.decrypt(row.encrypted_secret, webhookSecretIdentity(row.id)) };
  }

  /** A new secret; every older one that still signs keeps signing for 24 h more at most. */
  rotateSecret(principal: Principal, organizationId: string, webhookId: string): Promise<{ secret: string }> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      await this.find(tx.manager, organizationId, webhookId, true);
      await tx.manager.query(
        `UPDATE webhook_secrets SET expires_at = now() + interval '${ROTATION_OVERLAP}'
          WHERE endpoint_id = $1 AND (expires_at IS NULL OR expires_at > now() + interval '${ROTATION_OVERLAP}')`,
        [webhookId],
      );
      await tx.manager.query('DELETE FROM webhook_secrets WHERE endpoint_id = $1 AND expires_at <= now()', [webhookId]);
      const secret = await this.storeSecret(tx.manager, webhookId);
      tx.record(new WebhookEndpointUpdatedEvent(organizationId, webhookId, ['secret'], actorOfPrincipal(principal)));
      return { secret };
    }, workContextOf(principal));
  }

  /** A `tech.entropy.webhook.ping` to this endpoint only: a delivery row with its own body, not in the event log. */
  ping(principal: Principal, organizationId: string, webhookId: string): Promise<{ delivery_id: string }> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      await this.find(tx.manager, organizationId, webhookId);
      const deliveryId = randomUUID();
      const eventId = randomUUID();
      const [{ now }]: { now: Date }[] = await tx.manager.query('SELECT now() AS now');
      const body = JSON.stringify({
        specversion: '1.0',
        id: eventId,
        source: `${this.settings.publicUrl}/v1/organizations/${organizationId}`,
        type: PING_EVENT_TYPE,
        subject: `webhooks/${webhookId}`,
        time: new Date(now).toISOString(),
        datacontenttype: 'application/json',
        organizationid: organizationId,
        data: { webhook_id: webhookId },
      });
      await tx.manager.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_type, sequence, payload, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, now())`,
        [deliveryId, webhookId, organizationId, eventId, PING_EVENT_TYPE, body],
      );
      return { delivery_id: deliveryId };
    });
  }

  async deliveries(
    principal: Principal,
    organizationId: string,
    webhookId: string,
    per: number,
    cursor?: string,
  ): Promise<Page<WebhookDeliveryResponseDto>> {
    const before = decodeCreatedAtIdCursor(cursor);
    await authorize(this.dataSource, principal, organizationId, MANAGE_WEBHOOKS);
    await this.find(this.dataSource, organizationId, webhookId);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${DELIVERY_COLUMNS}, created_at::text AS k_ts FROM webhook_deliveries
          WHERE endpoint_id = $1 ${before ? 'AND (created_at, id) < ($2::timestamptz, $3::uuid)' : ''}
          ORDER BY created_at DESC, id DESC LIMIT ${per + 1}`,
        before ? [webhookId, ...before] : [webhookId],
      ) as Promise<(WebhookDeliveryRow & { k_ts: string })[]>,
      this.dataSource.query('SELECT count(*)::int AS count FROM webhook_deliveries WHERE endpoint_id = $1', [webhookId]) as Promise<
        { count: number }[]
      >,
    ]);
    return toPage(rows, per, count, (row) => [row.k_ts, row.id], toWebhookDeliveryResponse);
  }

  /** One more attempt now, whatever the delivery's state (a `failed` one gets exactly one). */
  retry(principal: Principal, organizationId: string, webhookId: string, deliveryId: string): Promise<void> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_WEBHOOKS);
      await this.find(tx.manager, organizationId, webhookId);
      const [rows]: [{ id: string }[], number] = await tx.manager.query(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), delivered_at = NULL
          WHERE id = $1 AND endpoint_id = $2 AND (status <> 'pending' OR lease_until IS NULL OR lease_until < now()) RETURNING id`,
        [deliveryId, webhookId],
      );
      if (rows.length === 0) {
        const [exists] = await tx.manager.query('SELECT 1 FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2', [
          deliveryId,
          webhookId,
        ]);
        if (!exists) throw new DeliveryNotFoundError();
      }
    });
  }

  /** The primary endpoint follows `webhook_url`: created, moved, or deleted (null), in the organization's transaction. */
  async syncPrimary(tx: Transaction, organizationId: string, rawUrl: string | null, by: Actor): Promise<void> {
    const [primary]: WebhookEndpointRow[] = await tx.manager.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE organization_id = $1 AND is_primary FOR UPDATE`,
      [organizationId],
    );
    if (rawUrl === null) {
      if (primary) await this.delete(tx, organizationId, primary.id, by);
      return;
    }
    const url = this.checkedUrl(rawUrl, 'webhook_url');
    if (!primary) {
      await this.insert(tx, organizationId, { url, description: 'webhook_url', eventTypes: ['*'], enabled: true, primary: true }, by);
    } else if (primary.url !== url) {
      await tx.manager.query('UPDATE webhook_endpoints SET url = $2, updated_at = now() WHERE id = $1', [primary.id, url]);
      tx.record(new WebhookEndpointUpdatedEvent(organizationId, primary.id, ['url'], by));
    }
  }

  /** The organization is being deleted: its pending deliveries are cancelled (its endpoints go with it by cascade). */
  async cancelForOrganization(tx: Transaction, organizationId: string): Promise<void> {
    const endpoints: { id: string }[] = await tx.manager.query('SELECT id FROM webhook_endpoints WHERE organization_id = $1 FOR UPDATE', [
      organizationId,
    ]);
    for (const { id } of endpoints) await this.delete(tx, organizationId, id, null);
  }

  private checkedUrl(url: string, field = 'url'): string {
    return assertWebhookUrl(
      url,
      { production: this.settings.production, allowPrivateNetworks: this.settings.webhooks.allowPrivateNetworks },
      field,
    );
  }

  private async insert(
    tx: Transaction,
    organizationId: string,
    endpoint: NewEndpoint,
    by: Actor | null,
  ): Promise<{ row: WebhookEndpointRow; secret: string }> {
    // The organization's row lock: creations of one organization queue, so the count holds until the commit.
    const [organization] = await tx.manager.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [organizationId]);
    if (!organization) throw new OrganizationNotFoundError();
    const [{ count }]: { count: number }[] = await tx.manager.query(
      'SELECT count(*)::int AS count FROM webhook_endpoints WHERE organization_id = $1',
      [organizationId],
    );
    if (count >= MAX_ENDPOINTS) throw new WebhookLimitError(MAX_ENDPOINTS);
    const id = randomUUID();
    const [row]: WebhookEndpointRow[] = await tx.manager.query(
      `INSERT INTO webhook_endpoints (id, organization_id, url, description, event_types, enabled, is_primary, start_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(sequence), 0) FROM events))
       RETURNING ${ENDPOINT_COLUMNS}`,
      [id, organizationId, endpoint.url, endpoint.description, endpoint.eventTypes, endpoint.enabled, endpoint.primary],
    );
    const secret = await this.storeSecret(tx.manager, id);
    tx.record(new WebhookEndpointCreatedEvent(organizationId, id, endpoint.eventTypes, endpoint.enabled, endpoint.primary, by));
    return { row, secret };
  }

  private async delete(tx: Transaction, organizationId: string, webhookId: string, by: Actor | null): Promise<void> {
    const [cancelled]: [unknown[], number] = await tx.manager.query(
      `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE endpoint_id = $1 AND status = 'pending' RETURNING 1`,
      [webhookId],
    );
    await tx.manager.query('DELETE FROM webhook_endpoints WHERE id = $1', [webhookId]);
    tx.record(new WebhookEndpointDeletedEvent(organizationId, webhookId, cancelled.length, by));
  }

  private async storeSecret(manager: Db, endpointId: string): Promise<string> {
    const secret = generateWebhookSecret();
    const [{ id }]: { id: number }[] = await manager.query(`SELECT nextval(pg_get_serial_sequence('webhook_secrets', 'id'))::int AS id`);
    await manager.query('INSERT INTO webhook_secrets (id, endpoint_id, encrypted_secret) VALUES ($1, $2, $3)', [
      id,
      endpointId,
      this.box.encrypt(secret, webhookSecretIdentity(id)),
    ]);
    return secret;
  }

  private async find(db: Db, organizationId: string, webhookId: string, lock = false): Promise<WebhookEndpointRow> {
    const [row]: WebhookEndpointRow[] = await db.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND organization_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [webhookId, organizationId],
    );
    if (!row) throw new WebhookNotFoundError();
    return row;
  }
}

/** `*` alone stands for everything; otherwise the distinct keys in a stable order. */
function normalizeEventTypes(types: string[]): string[] {
  if (types.includes('*')) return ['*'];
  return [...new Set(types)].sort();
}
