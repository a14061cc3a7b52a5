import cookie from '@fastify/cookie';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { presentedToken } from './auth/principal.resolver.js';
import { sessionCookieToken } from './auth/session-cookie.js';
import { parseSettings } from './infrastructure/config/app.config.js';
import { AllExceptionsFilter } from './infrastructure/http/all-exceptions.filter.js';
import { answerClientError, answerFrameworkError, MAX_PARAM_LENGTH } from './infrastructure/http/framework-errors.js';
import { registerIdempotency } from './infrastructure/http/idempotency.js';
import { registerInputGuard } from './infrastructure/http/input-guard.js';
import { createOpenApiDocument } from './infrastructure/http/openapi.js';
import { registerLiveness } from './health/liveness.js';
import { createRootLogger, NestPinoLogger } from './infrastructure/http/app-logger.js';
import { registerDemoPage } from './infrastructure/http/demo-page.js';
import { registerRequestLogging, requestIdFor } from './infrastructure/http/request-logging.js';
import { registerSecurityHeaders } from './infrastructure/http/security-headers.js';
import { SERVER_TIMEOUTS } from './infrastructure/http/server-timeouts.js';
import { createValidationPipe } from './infrastructure/http/validation.js';

/** Every route under /v1 but the health probes; also used when writing openapi.json. */
export function setGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('v1', { exclude: ['health/ready'] });
}

export const BODY_LIMIT_BYTES = 100 * 1024;

const EXPOSED_HEADERS = [
  'Link',
  'X-Total-Count',
  'ETag',
  'X-Request-Id',
  'Idempotent-Replayed',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
];
export interface AppOptions {
  /** Where log lines go (stdout by default; tests capture them). */
  logDestination?: NodeJS.WritableStream;
}

/** Builds the fully configured HTTP application; main.ts and the e2e tests share it. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const settings = parseSettings(process.env);
  const logger = createRootLogger(settings, options.logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    // X-Forwarded-For is believed only from TRUSTED_PROXIES (by default a proxy on this host or a
    // private network): a client cannot name another address and so escape the per-address limit.
    trustProxy: settings.trustedProxies,
    ...SERVER_TIMEOUTS,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // The router's and Node's HTTP parser's own refusals, in the contract's error body.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  registerRequestLogging(fastify, logger);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  registerInputGuard(fastify);

  // Parses the SPA's session cookie (src/auth/session-cookie.ts) and lets replies set it.
  await app.register(cookie);
  registerSecurityHeaders(fastify, settings.publicUrl.startsWith('https:'));
  app.enableCors({
    origin: [settings.webAppUrl],
    credentials: true,
    exposedHeaders: EXPOSED_HEADERS,
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id', 'X-CSRF-Token'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  setGlobalPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  registerIdempotency(app, app.get(DataSource), (request) => presentedToken(request.headers.authorization) ?? sessionCookieToken(request));

  await registerDemoPage(app, settings.production);

  // Built on the first request for it, not at every start: scanning every route is a tenth of start-up.
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app, settings.publicUrl), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });

  await app.init();
  // Routes served by Fastify itself, registered after Nest's so they get the error handler Nest
  // installs (a hook's refusal, e.g. the input guard's 400, is then the contract's error body).
  // The API's root is for people who type the host in a browser: the docs. Not an API route, so
  // absent from the OpenAPI document.
  fastify.get('/', (_request, reply) => reply.redirect('/docs', 302));
  registerLiveness(fastify);
  await fastify.ready();
  return app;
}
