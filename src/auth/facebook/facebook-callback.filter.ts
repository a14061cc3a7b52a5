import { Catch, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { sendError, translateError } from '../../infrastructure/http/all-exceptions.filter.js';
import { returnTarget, wantsJson } from './sign-in-response.js';

/**
 * A browser that comes back from Facebook with a problem it can act on (denied, bad or reused
 * state, rejected code) is sent back to the SPA with `error` and `error_description` rather than
 * stranded on a JSON page. API clients, and server-side failures (502, 503), get the usual body.
 */
@Catch()
export class FacebookCallbackExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(@Inject(appConfig.KEY) private readonly settings: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, code, message } = translateError(exception);
    // Over the rate limit is a 429 for browsers too: a redirect would hide the Retry-After.
    if (wantsJson(request) || status >= 500 || status === 429) return sendError(reply, exception, this.logger, request);
    const target = returnTarget(request, this.settings);
    target.searchParams.set('error', code);
    target.searchParams.set('error_description', message);
    void reply.header('cache-control', 'no-store').redirect(target.toString(), 302);
  }
}
