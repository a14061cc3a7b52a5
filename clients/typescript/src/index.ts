import createFetchClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths as GeneratedPaths } from './schema.js';

export type { components } from './schema.js';

/** Every route, generated from openapi.json. */
export type paths = GeneratedPaths;
export type Schemas = components['schemas'];
export type WebhookEndpoint = Schemas['WebhookEndpointResponseDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponseDto'];
export type CreateWebhookRequest = Schemas['CreateWebhookRequestDto'];
export type ErrorBody = Schemas['ErrorResponseDto'];
export type CloudEvent = Schemas['CloudEventResponseDto'];
export type EntropyClient = Client<paths>;

export const CSRF_COOKIE = 'entropy_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The contract's error body, thrown by `ok`, `page` and `withEtag` for every 4xx/5xx answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: { field: string; message: string }[];
  readonly requestId: string | undefined;

  constructor(status: number, body: Pick<ErrorBody, 'code' | 'message'> & Partial<ErrorBody>, requestId?: string) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? [];
    this.requestId = requestId;
  }

  /** 412: the resource changed since its ETag was read. */
  get isStale(): boolean {
    return this.status === 412;
  }
}

export interface EntropyClientOptions {
  /** The API's origin, e.g. `http://localhost:3000`; `''` (default) for the page's own origin. */
  baseUrl?: string;
  /** A session or organization token sent as `Authorization: Bearer`; without it the cookie session is used. */
  token?: string | (() => string | undefined);
  /** The CSRF token for writes made with the cookie session; by default the `entropy_csrf` cookie. */
  csrfToken?: () => string | undefined;
  fetch?: (input: Request) => Promise<Response>;
}

/** Reads a cookie the page can see (the CSRF cookie is not HttpOnly; the session cookie is). */
export function readCookie(name: string): string | undefined {
  const jar = (globalThis as { document?: { cookie?: string } }).document?.cookie ?? '';
  for (const pair of jar.split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function createEntropyClient(options: EntropyClientOptions = {}): EntropyClient {
  const tokenOf = typeof options.token === 'function' ? options.token : () => options.token as string | undefined;
  const csrfOf = options.csrfToken ?? (() => readCookie(CSRF_COOKIE));
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl ?? '',
    // The session cookie travels only when no bearer token is given (the header would win anyway).
    credentials: options.token === undefined ? 'include' : 'omit',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = tokenOf();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      } else if (UNSAFE_METHODS.has(request.method)) {
        const csrf = csrfOf();
        if (csrf) request.headers.set(CSRF_HEADER, csrf);
      }
      return request;
    },
    onError({ error }) {
      // fetch rejects on a network failure or a CORS refusal: one error type for callers to show.
      const detail = error instanceof Error ? error.message : String(error);
      return new ApiError(0, { code: 'NETWORK.UNREACHABLE', message: `The API could not be reached (${detail})` });
    },
  };
  client.use(auth);
  return client;
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function toApiError(error: unknown, response: Response): ApiError {
  const body = error as Partial<ErrorBody> | string | undefined;
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (body && typeof body === 'object' && typeof body.message === 'string' && typeof body.code === 'string') {
    return new ApiError(response.status, body as ErrorBody, requestId);
  }
  return new ApiError(response.status, { code: `HTTP.${response.status}`, message: response.statusText || `HTTP ${response.status}` }, requestId);
}

/** The answer's body, or the ApiError of a 4xx/5xx answer. */
export async function ok<T>(pending: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}

export interface Page<T> {
  items: T;
  /** The `cursor` of the next page (from `Link: <...>; rel="next"`), undefined on the last page. */
  nextCursor: string | undefined;
  /** `X-Total-Count`: the number of items in the whole list. */
  totalCount: number | undefined;
}

/** A page of a list: its items and the paging headers. */
export async function page<T>(pending: Promise<Answer<T>>): Promise<Page<T>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(error, response);
  return { items: data as T, nextCursor: nextCursor(response), totalCount: totalCount(response) };
}

/** A resource with its `ETag`, to send back as `If-Match`. */
export async function withEtag<T>(pending: Promise<Answer<T>>): Promise<{ data: T; etag: string | undefined }> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(error, response);
  return { data: data as T, etag: response.headers.get('ETag') ?? undefined };
}

/** The `cursor` parameter of the `rel="next"` link of an RFC 8288 `Link` header. */
export function nextCursor(response: Response): string | undefined {
  const link = response.headers.get('Link');
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match || !/;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2]!)) continue;
    return new URL(match[1]!, 'http://base.invalid').searchParams.get('cursor') ?? undefined;
  }
  return undefined;
}

export function totalCount(response: Response): number | undefined {
  const value = response.headers.get('X-Total-Count');
  return value === null || value === '' || !Number.isFinite(Number(value)) ? undefined : Number(value);
}
