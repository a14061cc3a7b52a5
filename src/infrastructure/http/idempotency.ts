import { createHash } from 'node:crypto';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { of, type Observable } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import {
  IdempotencyKeyInFlightError,
  IdempotencyKeyReusedError,
  IdempotentResponseNotReplayableError,
  ValidationFailedError,
} from '../errors/domain-error.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location', 'link', 'x-total-count'];

interface Claim {
  scope: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: Claim;
  }
}

const holdsSecret = (reply: FastifyReply) => /no-store/i.test(String(reply.getHeader('cache-control') ?? ''));

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Claims the key or answers from it. An interceptor, so it runs after the guards: only a caller who
 * is authenticated now (and passed every other guard) claims a key or sees a stored answer, never
 * one whose token has since been revoked.
 */
class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentialOf: (request: FastifyRequest) => string | undefined,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    // Public routes have no caller to scope keys to.
    if (request.method !== 'POST' || key === undefined || request.principal === undefined) return next.handle();
    const credential = this.credentialOf(request);
    if (!credential) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key))
      throw new ValidationFailedError('Idempotency-Key must be 1-255 visible ASCII characters');
    const scope = sha256(credential);
    const requestHash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
    // Keys older than 24 h are forgotten, and so are claims never completed (a process that died
    // mid-request): both are claimed afresh.
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2
          AND (created_at < now() - interval '24 hours' OR (status_code IS NULL AND created_at < now() - interval '2 minutes'))`,
      [scope, key],
    );
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (claimed.length === 1) {
      request.idempotency = { scope, key };
      return next.handle();
    }
    const [stored]: {
      request_hash: string;
      status_code: number | null;
      response_body: string | null;
      response_headers: Record<string, string> | null;
    }[] = await this.dataSource.query(
      'SELECT request_hash, status_code, response_body, response_headers FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (!stored) throw new IdempotencyKeyInFlightError();
    if (stored.request_hash !== requestHash) throw new IdempotencyKeyReusedError();
    if (stored.status_code === null) throw new IdempotencyKeyInFlightError();
    if (stored.response_body === null) throw new IdempotentResponseNotReplayableError();
    // The route's status was set before the interceptors ran and is not set again after them.
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(stored.status_code)
      .headers({ ...(stored.response_headers ?? {}), 'idempotent-replayed': 'true' });
    return of(stored.response_body);
  }
}

/**
 * `Idempotency-Key` on POST: the first request claims (caller, key); a retry with the same body
 * within 24 h gets the stored 2xx answer and changes nothing; another body gets 422. Failed
 * attempts release the claim so the client can retry them. An answer marked
 * `Cache-Control: no-store` holds a secret shown once: only its status is kept, never its body.
 */
export function registerIdempotency(
  app: NestFastifyApplication,
  dataSource: DataSource,
  /** The caller's credential (token or session cookie) that scopes keys; undefined: no idempotency. */
  credentialOf: (request: FastifyRequest) => string | undefined,
): void {
  app.useGlobalInterceptors(new IdempotencyInterceptor(dataSource, credentialOf));
  const fastify = app.getHttpAdapter().getInstance();

  // Only a request that claimed a key waits for the database here; the rest pass straight through
  // (no promise, no microtask).
  fastify.addHook(
    'onSend',
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload?: unknown) => void) => {
      const claim = request.idempotency;
      if (!claim) return done(null, payload);
      request.idempotency = undefined;
      recordAnswer(dataSource, claim, reply, payload).then(
        () => done(null, payload),
        (error: Error) => done(error),
      );
    },
  );
}

/** Stores a 2xx answer for replay (its body only when it holds no secret), or releases the claim of a failed attempt. */
async function recordAnswer(dataSource: DataSource, claim: Claim, reply: FastifyReply, payload: unknown): Promise<void> {
  if (reply.statusCode >= 200 && reply.statusCode < 300) {
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((name) => {
        const value = reply.getHeader(name);
        return value === undefined ? [] : [[name, String(value)]];
      }),
    );
    await dataSource.query(
      'UPDATE idempotency_keys SET status_code = $3, response_body = $4, response_headers = $5 WHERE scope = $1 AND key = $2',
      [
        claim.scope,
        claim.key,
        reply.statusCode,
        holdsSecret(reply) ? null : typeof payload === 'string' ? payload : '',
        JSON.stringify(headers),
      ],
    );
  } else {
    await dataSource.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [claim.scope, claim.key]);
  }
}

/**
 * Forgets the stored answers whose body shows `field` with one of these values (`"email":"a@b"`),
 * inside the caller's transaction: a retry of those requests then runs again instead of replaying
 * the answer (24 hours at most). For erasing a person's data.
 */
export async function forgetIdempotentAnswersShowing(db: Pick<EntityManager, 'query'>, field: string, values: string[]): Promise<void> {
  for (const value of values) {
    await db.query('DELETE FROM idempotency_keys WHERE strpos(response_body, $1) > 0', [
      `${JSON.stringify(field)}:${JSON.stringify(value)}`,
    ]);
  }
}
