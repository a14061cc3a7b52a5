import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { RATE_LIMITED_RESPONSE } from './rate-limit.decorator.js';

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> };

/** Path parameters named the same way mean the same thing everywhere. */
const PATH_SCHEMAS: Record<string, Record<string, unknown>> = {
  id: { type: 'string', format: 'uuid' },
  tokenId: { type: 'string', format: 'uuid' },
  credentialId: { type: 'integer', minimum: 1 },
  userId: { type: 'integer', minimum: 1 },
};

const IDEMPOTENCY_KEY: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Retrying with the same key and body within 24 h returns the first answer and changes nothing; another body: 422',
  schema: { type: 'string', maxLength: 255 },
};

/**
 * Facts the decorators cannot state once for all routes: id formats, untyped query parameters,
 * the Idempotency-Key header every authenticated POST honours, and the 429 every authenticated
 * route can answer (counted per caller).
 */
export function refineDocument(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, { parameters?: Parameter[]; security?: unknown[]; responses: Record<string, unknown> }][]) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const parameters = (operation.parameters ??= []);
      for (const parameter of parameters) {
        if (parameter.in === 'path' && PATH_SCHEMAS[parameter.name]) parameter.schema = PATH_SCHEMAS[parameter.name];
        if (!parameter.schema || Object.keys(parameter.schema).length === 0) parameter.schema = { type: 'string' };
      }
      if (method === 'post' && operation.security?.length) parameters.push(IDEMPOTENCY_KEY);
      if (operation.security?.length) {
        operation.responses['429'] ??= { ...RATE_LIMITED_RESPONSE, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } };
      }
    }
  }
  return document;
}

/** The OpenAPI document of every route: served at /docs-json and written by `npm run openapi`. */
export function createOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  return refineDocument(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Entropy API')
      .setDescription(
        'Organizations, members, Facebook credentials and authorization tokens. ' +
          'Authenticate with `Authorization: Bearer <token>` (a session token `ent_s_...` or an organization token `ent_o_...`).',
      )
      .setVersion('1.0.0')
      .addServer(publicUrl)
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'Session token (ent_s_...) or organization authorization token (ent_o_...)',
      })
      .build(),
  ));
}
