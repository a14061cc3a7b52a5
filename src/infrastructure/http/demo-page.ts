import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** The demo dashboard's build (web/dist), two levels above this file's compiled copy in dist/src/... */
export const DEMO_PAGE_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
export const DEMO_PREFIX = '/demo';

/**
 * Outside production, serves the built demo dashboard at /demo on the API's own origin, so it shares
 * the session cookie. Plain Fastify routes: not part of the API, so not in the OpenAPI document.
 * Any other path under /demo is the single-page app's own route (e.g. /demo/facebook/callback).
 */
export async function registerDemoPage(app: NestFastifyApplication, production: boolean, dir = DEMO_PAGE_DIR): Promise<boolean> {
  if (production || !existsSync(`${dir}index.html`)) return false;
  await app.register(fastifyStatic, { root: dir, prefix: `${DEMO_PREFIX}/`, wildcard: false, index: ['index.html'] });
  const page = (_: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.getHttpAdapter().getInstance().get(`${DEMO_PREFIX}/*`, page);
  return true;
}
