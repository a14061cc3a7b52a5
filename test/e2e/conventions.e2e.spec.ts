import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { csrfTokenFor } from '../../src/auth/session-cookie.js';
import { HousekeepingJob } from '../../src/infrastructure/database/housekeeping.job.js';
import { OAuthStateStore } from '../../src/infrastructure/security/oauth-state.store.js';
import { hashToken } from '../../src/infrastructure/security/opaque-token.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let token: string;

before(async () => {
  t = await startTestApp();
  token = (await t.user('conventions@example.com')).token;
});
after(() => t.close());

test('every response carries X-Request-Id; a well-formed incoming one is kept', async () => {
  const fresh = await call(t.app, 'GET', '/health/live');
  assert.match(String(fresh.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const kept = await call(t.app, 'GET', '/v1/me', { headers: { 'x-request-id': 'trace-123' } });
  assert.equal(kept.headers['x-request-id'], 'trace-123');
  const notFound = await call(t.app, 'GET', '/v1/nowhere', { token });
  assert.ok(notFound.headers['x-request-id']);
  assert.equal(notFound.status, 404);
  assert.deepEqual(Object.keys(notFound.body).sort(), ['code', 'error', 'message', 'statusCode']);
});

test('a body over 100 kB is 413 with the error body; malformed JSON is 400', async () => {
  const big = await call(t.app, 'POST', '/v1/organizations', {
    token,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'x', bio: 'y'.repeat(101 * 1024) }),
  });
  assert.equal(big.status, 413);
  assert.equal(big.body.code, 'REQUEST.TOO_LARGE');
  const bad = await call(t.app, 'POST', '/v1/organizations', { token, headers: { 'content-type': 'application/json' }, body: '{"name":' });
  assert.equal(bad.status, 400);
  assert.equal(typeof bad.body.message, 'string');
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
  assert.equal(count, 0);
});

test('CORS allows only WEB_APP_URL and exposes the paging and concurrency headers', async () => {
  const allowed = await call(t.app, 'OPTIONS', '/v1/organizations', {
    headers: { origin: 'http://app.test', 'access-control-request-method': 'POST' },
  });
  assert.equal(allowed.headers['access-control-allow-origin'], 'http://app.test');
  const simple = await call(t.app, 'GET', '/health/live', { headers: { origin: 'http://app.test' } });
  for (const header of ['Link', 'X-Total-Count', 'ETag', 'X-Request-Id']) {
    assert.ok(String(simple.headers['access-control-expose-headers']).includes(header), header);
  }
  const denied = await call(t.app, 'GET', '/health/live', { headers: { origin: 'http://evil.test' } });
  assert.equal(denied.headers['access-control-allow-origin'], undefined);
});

test("the routes Fastify serves itself (/, /health/live) refuse bad input with the contract's error body", async () => {
  for (const url of ['/?%00=1', '/health/live?%00=1']) {
    const res = await call(t.app, 'GET', url);
    assert.equal(res.status, 400, `${url}: ${res.text}`);
    assert.equal(res.body.code, 'VALIDATION.FAILED', url);
    for (const field of ['code', 'error', 'message', 'statusCode']) assert.ok(field in res.body, `${url}: ${field}`);
    assert.ok(res.headers['x-request-id'], url);
  }
});

test('helmet headers are set', async () => {
  const res = await call(t.app, 'GET', '/health/live');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['content-security-policy']);
});

test('health: live and ready', async () => {
  assert.deepEqual((await call(t.app, 'GET', '/health/live')).body, { status: 'ok' });
  const ready = await call(t.app, 'GET', '/health/ready');
  assert.equal(ready.status, 200);
  assert.deepEqual(ready.body, { status: 'ok', database: 'up', migrations: 'up' });
});

test('Idempotency-Key: a retry returns the first answer and changes nothing; another body is 422', async () => {
  const headers = { 'idempotency-key': 'create-once-1' };
  const first = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Once' } });
  const retry = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Once' } });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.deepEqual(retry.body, first.body);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM organizations WHERE name = 'Once'`);
  assert.equal(count, 1);
  const other = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Twice' } });
  assert.equal(other.status, 422);
  assert.equal(other.body.code, 'IDEMPOTENCY.KEY_REUSED');
  // Keys belong to a caller: another user's identical key is a fresh request.
  const stranger = (await t.user('stranger@example.com')).token;
  const theirs = await call(t.app, 'POST', '/v1/organizations', { token: stranger, headers, body: { name: 'Once' } });
  assert.equal(theirs.status, 201);
  assert.notEqual(theirs.body.id, first.body.id);
});

test('Idempotency-Key: authentication comes first: after logout the same request is 401, never a replay', async () => {
  const leaver = (await t.user('idempotent-leaver@example.com')).token;
  const headers = { 'idempotency-key': 'before-logout' };
  const first = await call(t.app, 'POST', '/v1/organizations', { token: leaver, headers, body: { name: 'Before logout' } });
  assert.equal(first.status, 201, first.text);
  assert.equal(
    (await call(t.app, 'POST', '/v1/organizations', { token: leaver, headers, body: { name: 'Before logout' } })).headers[
      'idempotent-replayed'
    ],
    'true',
  );
  assert.equal((await call(t.app, 'POST', '/v1/auth/logout', { token: leaver })).status, 204);
  const after = await call(t.app, 'POST', '/v1/organizations', { token: leaver, headers, body: { name: 'Before logout' } });
  assert.equal(after.status, 401, after.text);
  assert.equal(after.body.code, 'AUTH.UNAUTHENTICATED');
  assert.equal(after.headers['idempotent-replayed'], undefined);
  assert.equal(after.text.includes(first.body.id), false);
});

test('Idempotency-Key: a replay passes every guard first (a cookie session without its CSRF header is 403, not replayed)', async () => {
  const session = (await t.user('idempotent-cookie@example.com')).token;
  const cookie = `entropy_session=${session}; entropy_csrf=${csrfTokenFor(session)}`;
  const headers = { cookie, 'idempotency-key': 'cookie-once' };
  const first = await call(t.app, 'POST', '/v1/organizations', {
    headers: { ...headers, 'x-csrf-token': csrfTokenFor(session) },
    body: { name: 'Cookie once' },
  });
  assert.equal(first.status, 201, first.text);
  const forged = await call(t.app, 'POST', '/v1/organizations', { headers, body: { name: 'Cookie once' } });
  assert.equal(forged.status, 403);
  assert.equal(forged.body.code, 'AUTH.CSRF');
  assert.equal(forged.text.includes(first.body.id), false);
  const retry = await call(t.app, 'POST', '/v1/organizations', {
    headers: { ...headers, 'x-csrf-token': csrfTokenFor(session) },
    body: { name: 'Cookie once' },
  });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers['idempotent-replayed'], 'true');
  assert.deepEqual(retry.body, first.body);
});

test('Idempotency-Key: a failed attempt can be retried with the same key', async () => {
  const headers = { 'idempotency-key': 'retry-after-400' };
  assert.equal((await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: '' } })).status, 400);
  assert.equal((await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: '' } })).status, 400);
  const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM idempotency_keys WHERE key = 'retry-after-400'`);
  assert.equal(count, 0);
});

test('the OpenAPI document lists every route with the bearer scheme and error responses', async () => {
  const res = await call(t.app, 'GET', '/docs-json');
  assert.equal(res.status, 200);
  const doc = res.body;
  assert.match(doc.openapi, /^3\./);
  assert.ok(doc.components.securitySchemes.bearer);
  const expected: [string, string][] = [
    ['/v1/organizations', 'post'],
    ['/v1/organizations', 'get'],
    ['/v1/organizations/{id}', 'get'],
    ['/v1/organizations/{id}', 'put'],
    ['/v1/organizations/{id}', 'delete'],
    ['/v1/me', 'get'],
    ['/v1/auth/logout', 'post'],
  ];
  for (const [path, method] of expected) {
    const operation = doc.paths[path]?.[method];
    assert.ok(operation, `${method} ${path}`);
    assert.ok(operation.summary, `${method} ${path} summary`);
    assert.ok(
      operation.security?.some((s: Record<string, unknown>) => 'bearer' in s),
      `${method} ${path} bearer`,
    );
    assert.ok(operation.responses['401'], `${method} ${path} 401`);
  }
  assert.ok(doc.paths['/v1/organizations'].post.requestBody);
  assert.ok(doc.paths['/v1/organizations'].post.parameters.some((p: { name: string }) => p.name === 'Idempotency-Key'));
  assert.deepEqual(doc.paths['/v1/organizations/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id').schema, {
    type: 'string',
    format: 'uuid',
  });
  const ui = await call(t.app, 'GET', '/docs');
  assert.equal(ui.status, 200);
  assert.match(ui.text, /swagger/i);
});

test('housekeeping forgets idempotency keys past 24 h and OAuth states spent or expired long ago', async () => {
  const states = t.app.get(OAuthStateStore);
  const fresh = await states.issue('login', {}, 600);
  const spent = await states.issue('login', {}, 600);
  await states.consume('login', spent.state);
  await t.dataSource.query(`UPDATE oauth_states SET used_at = now() - interval '2 days' WHERE used_at IS NOT NULL`);
  const expired = await states.issue('login', {}, 600);
  await t.dataSource.query(`UPDATE oauth_states SET expires_at = now() - interval '2 days' WHERE state_hash = $1`, [
    hashToken(expired.state),
  ]);
  await t.dataSource.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (repeat('a', 64), 'old', repeat('b', 64), now() - interval '25 hours'),
       (repeat('a', 64), 'new', repeat('b', 64), now())`,
  );
  await t.app.get(HousekeepingJob).run();
  await t.app.get(HousekeepingJob).purgeOAuthStates();
  const keys = await t.dataSource.query(`SELECT key FROM idempotency_keys WHERE scope = repeat('a', 64)`);
  assert.deepEqual(keys, [{ key: 'new' }]);
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM oauth_states');
  assert.equal(count, 1);
  assert.deepEqual(await states.consume('login', fresh.state), {});
});

test('Idempotency-Key: a claim left by a request that never finished is taken over after two minutes', async () => {
  const headers = { 'idempotency-key': 'abandoned-claim' };
  const first = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Abandoned' } });
  assert.equal(first.status, 201);
  // Simulate a process that died between claiming the key and recording the answer.
  await t.dataSource.query(`UPDATE idempotency_keys SET status_code = NULL, response_body = NULL WHERE key = 'abandoned-claim'`);
  const inFlight = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Abandoned' } });
  assert.equal(inFlight.status, 409);
  assert.equal(inFlight.body.code, 'IDEMPOTENCY.IN_PROGRESS');
  await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '3 minutes' WHERE key = 'abandoned-claim'`);
  const retaken = await call(t.app, 'POST', '/v1/organizations', { token, headers, body: { name: 'Abandoned' } });
  assert.equal(retaken.status, 201);
});
