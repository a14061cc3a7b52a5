import type { FastifyRequest } from 'fastify';
import type { AppSettings } from '../../infrastructure/config/app.config.js';

/** API clients ask for JSON; a browser coming back from Facebook gets redirected to the SPA. */
export function wantsJson(request: FastifyRequest): boolean {
  return /\bapplication\/json\b/i.test(request.headers.accept ?? '');
}

/** Where the browser goes after the callback: the redirect bound to the state, else the SPA. */
export function returnTarget(request: FastifyRequest, settings: AppSettings): URL {
  return new URL(request.facebookLogin?.redirect ?? `${settings.webAppUrl}/`);
}
