/**
 * Routes of the wire contract (shared/api-contract.md: Webhooks) that the root
 * openapi.json may not describe yet, typed by hand in openapi-typescript's shape. index.ts adds
 * only those missing from the generated `paths`: once a route is in openapi.json its generated
 * type wins and its entry here is dead weight to delete.
 */

type Json<T> = { content: { 'application/json': T } };
type ErrorBody = {
  code: string;
  details?: { field: string; message: string }[];
  error: string;
  message: string;
  statusCode: number;
};
type Errors = { 400: Json<ErrorBody>; 401: Json<ErrorBody>; 403: Json<ErrorBody>; 404: Json<ErrorBody>; 409: Json<ErrorBody> };
type Paged = { per?: number; cursor?: string };
type Op<Path, Query, Body, Ok extends number, Result> = {
  parameters: { path: Path; query?: Query; header?: never; cookie?: never };
  responses: { [S in Ok]: { headers: { [name: string]: unknown } } & (Result extends undefined ? { content?: never } : Json<Result>) } & Errors;
} & ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });
type Org = { id: string };
type Hook = { id: string; webhookId: string };

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  event_types: string[];
  enabled: boolean;
  primary: boolean;
  created_at: string;
  updated_at: string;
}

export interface WebhookDelivery {
  id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  created_at: string;
  delivered_at: string | null;
}

export interface CreateWebhookRequest {
  url: string;
  description?: string;
  event_types?: string[];
  enabled?: boolean;
}

export interface ContractPaths {
  '/v1/organizations/{id}/webhooks': {
    get: Op<Org, Paged, undefined, 200, WebhookEndpoint[]>;
    post: Op<Org, never, CreateWebhookRequest, 201, WebhookEndpoint & { secret: string }>;
  };
  '/v1/organizations/{id}/webhooks/{webhookId}': {
    get: Op<Hook, never, undefined, 200, WebhookEndpoint>;
    patch: Op<Hook, never, Partial<CreateWebhookRequest>, 200, WebhookEndpoint>;
    delete: Op<Hook, never, undefined, 204, undefined>;
  };
  '/v1/organizations/{id}/webhooks/{webhookId}/ping': {
    post: Op<Hook, never, undefined, 202, { delivery_id: string }>;
  };
  '/v1/organizations/{id}/webhooks/{webhookId}/deliveries': {
    get: Op<Hook, Paged, undefined, 200, WebhookDelivery[]>;
  };
  '/v1/organizations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/retry': {
    post: Op<Hook & { deliveryId: string }, never, undefined, 202, undefined>;
  };
}
