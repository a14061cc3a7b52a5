import assert from 'node:assert/strict';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Sent } from './http.js';

/** One request as if from `address` (the socket's peer), optionally through headers a proxy would add. */
export async function from(
  app: NestFastifyApplication,
  address: string,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const response = await app.inject({ method, url, remoteAddress: address, headers });
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body, text: response.body };
}

export function assertCounted(res: Sent, limit: number, remaining: number): void {
  assert.equal(res.headers['ratelimit-limit'], String(limit), res.text);
  assert.equal(res.headers['ratelimit-remaining'], String(remaining));
  const reset = Number(res.headers['ratelimit-reset']);
  assert.ok(Number.isInteger(reset) && reset >= 1 && reset <= 60, `RateLimit-Reset ${res.headers['ratelimit-reset']}`);
}

export function assertLimited(res: Sent, limit: number): void {
  assert.equal(res.status, 429, res.text);
  assert.deepEqual(Object.keys(res.body).sort(), ['code', 'error', 'message', 'statusCode']);
  assert.equal(res.body.code, 'REQUEST.RATE_LIMITED');
  assert.equal(res.body.statusCode, 429);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.headers['x-request-id']);
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']}`);
  assertCounted(res, limit, 0);
}
