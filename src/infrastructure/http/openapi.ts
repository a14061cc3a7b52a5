import { STATUS_CODES } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { DATABASE_RETRY_AFTER_SECONDS } from '../database/database.errors.js';
import { ROUTE_ERRORS_EXTENSION, type RouteErrorExample } from './api-errors.decorator.js';
import { RATE_LIMITED_RESPONSE } from './rate-limit.decorator.js';

import { CALLER_IF_ANY_EXTENSION, PUBLIC_EXTENSION } from './openapi-extensions.js';
import { LIVENESS_OPERATION, LIVENESS_PATH } from '../../health/liveness.js';

export { CALLER_IF_ANY_EXTENSION, PUBLIC_EXTENSION };
type PublicAccess = 'anonymous' | 'caller-if-any';

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> };
type MediaType = { schema?: { $ref?: string }; example?: unknown; examples?: Record<string, { summary?: string; value: unknown }> };
type Response = { description?: string; headers?: Record<string, unknown>; content?: Record<string, MediaType> };
type Operation = {
  operationId?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, Response>;
  [PUBLIC_EXTENSION]?: boolean;
  [CALLER_IF_ANY_EXTENSION]?: boolean;
  [ROUTE_ERRORS_EXTENSION]?: RouteErrorExample[];
};

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };
const REQUEST_ID = { $ref: '#/components/headers/X-Request-Id' };

/** Path parameters named the same way mean the same thing everywhere, and are not found the same way. */
const PATH_PARAMETERS: Record<string, { schema: Record<string, unknown>; notFound: [code: string, message: string] }> = {
  id: { schema: { type: 'string', format: 'uuid' }, notFound: ['ORGANIZATIONS.NOT_FOUND', 'Organization not found'] },
  userId: { schema: { type: 'integer', minimum: 1 }, notFound: ['MEMBERS.NOT_FOUND', 'Member not found in this organization'] },
  invitationId: {
    schema: { type: 'string', format: 'uuid' },
    notFound: ['INVITATIONS.NOT_FOUND', 'Invitation not found in this organization (or it expired)'],
  },
  tokenId: { schema: { type: 'string', format: 'uuid' }, notFound: ['TOKENS.NOT_FOUND', 'Authorization token not found'] },
  credentialId: { schema: { type: 'integer', minimum: 1 }, notFound: ['CREDENTIALS.NOT_FOUND', 'Credential not found'] },
  code: {
    schema: { type: 'string' },
    notFound: ['FACEBOOK.DATA_DELETION_NOT_FOUND', 'No data deletion request has this confirmation code'],
  },
};

const IDEMPOTENCY_KEY: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (unknown field, wrong type, bad id)',
  401: 'No, unknown, expired or revoked credential',
  403: 'The caller sees the resource but lacks the role or token permission (or a cookie write lacks X-CSRF-Token)',
  404: 'Absent, or not visible to the caller',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current ETag',
  413: 'Body over 100 kB',
  415: 'Content-Type other than application/json',
  422: 'Idempotency-Key reused with another body',
  429: RATE_LIMITED_RESPONSE.description,
  502: 'Facebook is unreachable or failed',
  503: 'A dependency is unavailable (the database, or Facebook when not configured); retry after `Retry-After` seconds when sent',
};

interface Context {
  method: string;
  path: string;
  operation: Operation;
  authenticated: boolean;
}

/** Undocumented yet, or documented with the contract's error body. */
const isErrorBody = (response: Response | undefined) =>
  !response?.content || response.content['application/json']?.schema?.$ref === ERROR_SCHEMA.$ref;
const isWrite = (method: string) => !['get', 'head', 'options'].includes(method);
const hasPathParameter = (path: string, name: string) => path.includes(`{${name}}`);
/** Holds a secret shown once (`Cache-Control: no-store`): an Idempotency-Key retry cannot replay it. */
const holdsSecret = (operation: Operation) =>
  Object.entries(operation.responses).some(([status, response]) => status.startsWith('2') && response.headers?.['Cache-Control']);

function example(status: number, code: string, message: string, details?: RouteErrorExample['details']) {
  return { status, code, message, ...(details ? { details } : {}) };
}

/** The examples every route shares for a status, given what the route is. */
function sharedExamples(status: number, { method, path, operation, authenticated }: Context): RouteErrorExample[] {
  switch (status) {
    case 400:
      return [
        operation.requestBody
          ? example(400, 'VALIDATION.FAILED', 'property nickname should not exist', [
              { field: 'nickname', message: 'property nickname should not exist' },
            ])
          : hasPathParameter(path, 'id')
            ? example(400, 'VALIDATION.FAILED', 'id must be a UUID', [{ field: 'id', message: 'must be a UUID' }])
            : example(400, 'VALIDATION.FAILED', 'per must not be greater than 100', [
                { field: 'per', message: 'per must not be greater than 100' },
              ]),
      ];
    case 401:
      return [example(401, 'AUTH.UNAUTHENTICATED', 'Authentication required: send a valid bearer token')];
    case 403:
      return [
        ...(path.startsWith('/v1/organizations/{id}')
          ? [
              example(403, 'ORGANIZATIONS.ROLE_REQUIRED', 'This action needs the role owner or admin in the organization'),
              example(403, 'TOKENS.PERMISSION_DENIED', `This authorization token may not ${isWrite(method) ? 'write' : 'read'}`),
            ]
          : [example(403, 'AUTH.FORBIDDEN', 'Only a signed-in user can do this, not an authorization token')]),
        ...(authenticated && isWrite(method)
          ? [
              example(
                403,
                'AUTH.CSRF',
                'A write authenticated by the session cookie needs the X-CSRF-Token header set to the entropy_csrf cookie value',
              ),
            ]
          : []),
      ];
    case 404:
      return Object.entries(PATH_PARAMETERS)
        .filter(([name]) => hasPathParameter(path, name))
        .map(
          ([
            ,
            {
              notFound: [code, message],
            },
          ]) => example(404, code, message),
        );
    case 409:
      return authenticated && method === 'post'
        ? [
            example(409, 'IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry later'),
            ...(holdsSecret(operation)
              ? [
                  example(
                    409,
                    'IDEMPOTENCY.NOT_REPLAYABLE',
                    'A request with this Idempotency-Key already succeeded; its answer held a secret that is shown only once and is not kept. If it was lost, revoke what it created and issue another.',
                  ),
                ]
              : []),
          ]
        : [];
    case 412:
      return [example(412, 'ORGANIZATIONS.STALE_ETAG', 'The organization changed since the ETag in If-Match was read; fetch it again')];
    case 413:
      return [example(413, 'REQUEST.TOO_LARGE', 'Request body is larger than the 100 kB limit')];
    case 415:
      return [example(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type: text/plain')];
    case 422:
      return [example(422, 'IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request')];
    case 429:
      return [
        authenticated
          ? example(429, 'REQUEST.RATE_LIMITED', 'Too many requests: at most 1200 a minute for this caller; retry after 17 s')
          : example(
              429,
              'REQUEST.RATE_LIMITED',
              'Too many requests: at most 30 a minute from this address on the sign-in routes; retry after 17 s',
            ),
      ];
    case 502:
      return [example(502, 'FACEBOOK.UNAVAILABLE', 'Facebook is unavailable (no usable answer); try again later')];
    case 503:
      return [
        ...(operation.responses['503']
          ? [
              example(
                503,
                'FACEBOOK.NOT_CONFIGURED',
                'Facebook is not configured on this server: FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are unset',
              ),
            ]
          : []),
        example(503, 'DATABASE.UNAVAILABLE', 'The database is busy or unreachable; retry shortly'),
      ];
    default:
      return [];
  }
}

/**
 * Statuses every route of a kind can answer whatever its decorators say: a body can be too large
 * or of another type, an authenticated POST honours Idempotency-Key (409 in flight, 422 another
 * body), a caller is counted by the rate limit, and every /v1 route reads the database.
 */
function impliedStatuses({ method, path, operation, authenticated }: Context): number[] {
  return [
    ...(authenticated ? [401, 429] : []),
    ...(operation.requestBody ? [400, 413, 415] : []),
    ...(authenticated && method === 'post' ? [409, 422] : []),
    ...(path.startsWith('/v1/') ? [503] : []),
  ];
}

function errorResponse(status: number, context: Context): Response {
  const own = (context.operation[ROUTE_ERRORS_EXTENSION] ?? []).filter((error) => error.status === status);
  const all = [...own, ...sharedExamples(status, context)].filter(
    (error, index, list) => list.findIndex((other) => other.code === error.code) === index,
  );
  const response = context.operation.responses[String(status)] ?? {};
  const headers: Record<string, unknown> = { ...response.headers };
  if (status === 401) headers['WWW-Authenticate'] = { description: 'Bearer realm="entropy"', schema: { type: 'string' } };
  if (status === 429) Object.assign(headers, RATE_LIMITED_RESPONSE.headers);
  if (status === 503)
    headers['Retry-After'] = {
      description: `Seconds to wait (${DATABASE_RETRY_AFTER_SECONDS} with DATABASE.UNAVAILABLE)`,
      schema: { type: 'integer' },
    };
  return {
    description: response.description || DESCRIPTIONS[status] || STATUS_CODES[status] || 'Error',
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      'application/json': {
        schema: ERROR_SCHEMA,
        examples: Object.fromEntries(
          all.map(({ status: code, ...error }) => [
            error.code,
            {
              summary: error.message,
              value: {
                message: error.message,
                statusCode: code,
                error: STATUS_CODES[code],
                code: error.code,
                ...(error.details ? { details: error.details } : {}),
              },
            },
          ]),
        ),
      },
    },
  };
}

/**
 * Every authenticated route takes a bearer token, Credly's Basic (token as user name) or the
 * session cookie, which writes pair with X-CSRF-Token.
 */
function securityOf(method: string, access: PublicAccess | undefined): Record<string, string[]>[] {
  if (access === 'anonymous') return [];
  const session: Record<string, string[]> = isWrite(method) ? { session: [], csrf: [] } : { session: [] };
  const callers: Record<string, string[]>[] = [{ bearer: [] }, { basic: [] }, session];
  return access === 'caller-if-any' ? [{}, ...callers] : callers;
}

/**
 * Facts the decorators cannot state once for all routes: who may call (from @Public), id formats,
 * the Idempotency-Key header, every error status a route can answer with an example of its own,
 * X-Request-Id on every answer, and one tag per operation (the method's own over its controller's).
 */
export function refineDocument(document: OpenAPIObject): OpenAPIObject {
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, Operation][]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const access: PublicAccess | undefined = operation[PUBLIC_EXTENSION]
        ? operation[CALLER_IF_ANY_EXTENSION]
          ? 'caller-if-any'
          : 'anonymous'
        : undefined;
      operation.security = securityOf(method, access);
      const authenticated = access !== 'anonymous';
      const context: Context = { method, path, operation, authenticated };
      if (operation.tags && operation.tags.length > 1) operation.tags = operation.tags.slice(-1);

      const parameters = (operation.parameters ??= []);
      for (const parameter of parameters) {
        if (parameter.in === 'path' && PATH_PARAMETERS[parameter.name]) parameter.schema = PATH_PARAMETERS[parameter.name].schema;
        if (!parameter.schema || Object.keys(parameter.schema).length === 0) parameter.schema = { type: 'string' };
      }
      if (authenticated && method === 'post') parameters.push(IDEMPOTENCY_KEY);

      // A status documented with a body of its own (the readiness report's 503) keeps it.
      const statuses = new Set(
        [...Object.keys(operation.responses).map(Number), ...impliedStatuses(context)].filter(
          (status) => status >= 400 && isErrorBody(operation.responses[String(status)]),
        ),
      );
      for (const status of [...statuses].sort()) operation.responses[String(status)] = errorResponse(status, context);
      operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
      for (const response of Object.values(operation.responses)) response.headers = { 'X-Request-Id': REQUEST_ID, ...response.headers };

      delete operation[PUBLIC_EXTENSION];
      delete operation[CALLER_IF_ANY_EXTENSION];
      delete operation[ROUTE_ERRORS_EXTENSION];
    }
  }
  return document;
}

/**
 * operationIds read as what the operation does: a method named for its action and object
 * (`listMembers`) is the id; a bare verb (`create`) gets its controller's resource
 * (`createOrganization`, plural for `list`). `@ApiOperation({ operationId })` overrides the rule.
 */
export function operationIdFor(controllerKey: string, methodKey: string): string {
  if (/[A-Z]/.test(methodKey)) return methodKey;
  const plural = controllerKey.replace(/Controller$/, '');
  const singular = plural.replace(/s$/, '');
  return `${methodKey}${methodKey === 'list' ? plural : singular}`;
}

const TAGS: [name: string, description: string][] = [
  ['health', 'Liveness and readiness probes for orchestrators; public, outside /v1'],
  ['auth', 'Signing in with Facebook, the signed-in user, and ending a session'],
  ['organizations', 'Organizations, their profile, members and invitations'],
  ['authorization tokens', 'Organization tokens (`ent_o_...`) for machines, with read/write/delete permissions'],
  ['credentials', 'Facebook accounts linked to an organization; their tokens are stored encrypted and never returned'],
  ['facebook', "Callbacks Facebook's platform calls (deauthorization, data deletion); signed with the app secret"],
  ['events', "The organization's event feed: every change as a CloudEvent, in commit order"],
  ['webhooks', "Customers' HTTPS endpoints that receive the organization's events, signed as Standard Webhooks, with their delivery log"],
];

/**
 * The OpenAPI document of every route: served at /docs-json and written by `npm run openapi`.
 * Without a public URL (the committed openapi.json) the server is relative: clients set their base URL.
 */
export function createOpenApiDocument(app: INestApplication, publicUrl?: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Entropy API')
    .setDescription(
      'Organizations, members, Facebook credentials and authorization tokens. ' +
        'Authenticate with `Authorization: Bearer <token>` (a session token `ent_s_...` or an organization token `ent_o_...`), ' +
        "with Basic (Credly's form: the token as the user name, an empty password), or, in the browser, with the `entropy_session` cookie " +
        '(writes also send `X-CSRF-Token`, the value of the `entropy_csrf` cookie). Every answer carries `X-Request-Id`; errors have the body `ErrorResponseDto`.',
    )
    .setVersion('1.0.0')
    .addServer(publicUrl ?? '/', publicUrl ? 'This server (PUBLIC_URL)' : "The API's origin (PUBLIC_URL)")
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'Session token (ent_s_...) or organization authorization token (ent_o_...)',
      },
      'bearer',
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description: "Credly's form: the token (ent_s_... or ent_o_...) as the user name, an empty password",
      },
      'basic',
    )
    .addCookieAuth(
      'entropy_session',
      { type: 'apiKey', in: 'cookie', description: 'The browser session set by the Facebook sign-in callback' },
      'session',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: 'With the session cookie on writes: the value of the entropy_csrf cookie',
      },
      'csrf',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { operationIdFactory: operationIdFor });
  // Served by Fastify itself (src/health/liveness.ts), so Nest does not know it: first among the probes.
  document.paths = { [LIVENESS_PATH]: { get: structuredClone(LIVENESS_OPERATION) }, ...document.paths } as OpenAPIObject['paths'];
  document.info.license = { name: 'Proprietary' };
  document.components = {
    ...document.components,
    headers: {
      'X-Request-Id': {
        description: "Correlates the answer with the service's log lines: the caller's well-formed X-Request-Id, otherwise a UUID",
        schema: { type: 'string' },
      },
    },
  };
  return refineDocument(document);
}
