import type { FastifyInstance } from 'fastify';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Facebook posts its platform callbacks as form bodies, which the app has no parser for. Adds a
 * small one (flat key=value pairs, the server's body limit) unless something registered one already.
 */
export function registerFormBodyParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(FORM)) return;
  fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body as string)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      fields[key] = value;
    }
    done(null, fields);
  });
}
