import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/** The project's root: the nearest directory above this code with a package.json (from dist/src/... or from the bundle, dist/bundle). */
function projectRoot(from: URL): string {
  for (let dir = new URL('./', from); dir.pathname !== '/'; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return fileURLToPath(dir);
  }
  return process.cwd();
}

/** The demo dashboard's build (web/dist) in the project's root. */
export const DEMO_PAGE_DIR = join(projectRoot(new URL(import.meta.url)), 'web', 'dist') + sep;
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
