import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { setGlobalPrefix } from './app.factory.js';
import { AppModule } from './app.module.js';
import { createOpenApiDocument } from './infrastructure/http/openapi.js';

/**
 * `npm run openapi [file]`: writes the OpenAPI document (default openapi.json) without a database
 * or a running service. Nest's preview mode reads the modules' metadata without building providers.
 */
export async function writeOpenApiDocument(path = 'openapi.json'): Promise<void> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  setGlobalPrefix(app);
  const document = createOpenApiDocument(app);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeOpenApiDocument(process.argv[2]);
}
