import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inputProblem } from '../infrastructure/http/input-guard.js';

const FORM = 'application/x-www-form-urlencoded';

/** The only routes that take form bodies: Facebook posts its platform callbacks that way. */
export const FORM_BODY_ROUTES: ReadonlySet<string> = new Set(['/v1/facebook/deauthorize', '/v1/facebook/data-deletion']);

/** Fastify's own shape for "no parser for this type", which the exception filter turns into the contract's 415. */
class UnsupportedMediaTypeError extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
}

function takesForms(request: FastifyRequest): boolean {
  return request.method === 'POST' && FORM_BODY_ROUTES.has(request.routeOptions.url ?? '');
}

/**
 * Facebook posts its platform callbacks as form bodies, which the app has no parser for. Adds a
 * small one (flat key=value pairs, the server's body limit) that serves only those callbacks:
 * anywhere else a form body is 415, so a cross-site HTML form (a "simple" request, no CORS
 * preflight) cannot post to the JSON API.
 */
export function registerFormBodyParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(FORM)) return;
  fastify.addContentTypeParser(FORM, { parseAs: 'string' }, (request, body, done) => {
    if (!takesForms(request)) {
      done(
        new UnsupportedMediaTypeError(`Unsupported Media Type: ${FORM} is accepted only by Facebook's callbacks; send application/json`),
        undefined,
      );
      return;
    }
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(body as string)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      fields[key] = value;
    }
    // Flat by construction, but a field may still decode to NUL (`%00`): the JSON body's rules apply.
    const problem = inputProblem(fields);
    if (problem) return done(problem, undefined);
    done(null, fields);
  });
}
