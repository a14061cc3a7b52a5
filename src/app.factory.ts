import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { presentedToken } from './auth/principal.resolver.js';
import { sessionCookieToken } from './auth/session-cookie.js';
import { appConfig, type AppConfig } from './infrastructure/config/app.config.js';
import { ValidationFailedError } from './infrastructure/errors/domain-error.js';
import { AllExceptionsFilter } from './infrastructure/http/all-exceptions.filter.js';
import { registerIdempotency } from './infrastructure/http/idempotency.js';
import { refineDocument } from './infrastructure/http/openapi.js';
import { requestIdFor } from './infrastructure/http/request-logging.js';
import { createValidationPipe } from './infrastructure/http/validation.js';

export const BODY_LIMIT_BYTES = 100 * 1024;

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  return false;
}
const EXPOSED_HEADERS = ['Link', 'X-Total-Count', 'ETag', 'X-Request-Id'];

/** Builds the fully configured HTTP application; main.ts and the e2e tests share it. */
export async function createApp(): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  const settings = app.get<AppConfig>(appConfig.KEY);
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  // Clients often send `Content-Type: application/json` on a DELETE without a body; that is no error.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  // PostgreSQL text cannot hold NUL; refuse it here as bad input rather than fail at the database.
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      if (containsNul(value)) return done(new ValidationFailedError('Text must not contain the NUL character (\\u0000)'));
      done(null, value);
    });
  });

  // Parses the SPA's session cookie (src/auth/session-cookie.ts) and lets replies set it.
  await app.register(cookie);
  // Swagger UI needs inline styles and data: images; HTTPS-only headers only when served over HTTPS.
  const https = settings.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  app.enableCors({
    origin: [settings.webAppUrl],
    credentials: true,
    exposedHeaders: EXPOSED_HEADERS,
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id', 'X-CSRF-Token'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  app.setGlobalPrefix('v1', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  registerIdempotency(app, app.get(DataSource), (request) => presentedToken(request.headers.authorization) ?? sessionCookieToken(request));

  const document = refineDocument(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Entropy API')
      .setDescription(
        'Organizations, members, Facebook credentials and authorization tokens. ' +
          'Authenticate with `Authorization: Bearer <token>` (a session token `ent_s_...` or an organization token `ent_o_...`).',
      )
      .setVersion('1.0.0')
      .addServer(settings.publicUrl)
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'Session token (ent_s_...) or organization authorization token (ent_o_...)',
      })
      .build(),
  ));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });

  await app.init();
  await fastify.ready();
  return app;
}
