import { ApiProperty } from '@nestjs/swagger';

export class WebhookEndpointResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://example.com/webhooks/entropy' }) url: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String], example: ['*'] }) event_types: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: "The organization's `webhook_url`" }) primary: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class CreatedWebhookEndpointResponseDto extends WebhookEndpointResponseDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown here, at GET .../secret and on rotation only' })
  secret: string;
}

export class WebhookSecretResponseDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) secret: string;
}

export class DeliveryIdResponseDto {
  @ApiProperty({ format: 'uuid' }) delivery_id: string;
}

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The CloudEvent id, sent as `webhook-id`' }) event_id: string;
  @ApiProperty({ example: 'tech.entropy.organization.updated' }) event_type: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'cancelled'] }) status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) next_attempt_at: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) last_status_code: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last attempt failed, or the start of the answer (at most 1 kB)' })
  last_error: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) last_duration_ms: number | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) delivered_at: string | null;
}

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  is_primary: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Whitelists the wire fields: never the secret. */
export function toWebhookEndpointResponse(row: WebhookEndpointRow): WebhookEndpointResponseDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.event_types,
    enabled: row.enabled,
    primary: row.is_primary,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}

export interface WebhookDeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryResponseDto['status'];
  attempts: number;
  next_attempt_at: Date | string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

export function toWebhookDeliveryResponse(row: WebhookDeliveryRow): WebhookDeliveryResponseDto {
  return {
    id: row.id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    last_duration_ms: row.last_duration_ms,
    created_at: iso(row.created_at)!,
    delivered_at: iso(row.delivered_at),
  };
}
