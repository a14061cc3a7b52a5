import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Reflector } from '@nestjs/core';
import { SchedulerRegistry } from '@nestjs/schedule';
import { HousekeepingJob } from '../../src/infrastructure/database/housekeeping.job.js';
import { OAuthStateStore } from '../../src/infrastructure/security/oauth-state.store.js';
import { hashToken } from '../../src/infrastructure/security/opaque-token.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, createOrganization } from '../support/http.js';
import { assertCounted, assertLimited, from } from '../support/rate-limits.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PER_CALLER = 5;
const PER_ADDRESS = 3;
const LIMITS = { RATE_LIMIT_PER_MINUTE: String(PER_CALLER), AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS) };

let fb: FakeFacebook;
let t: TestApp;

before(async () => {
  fb = await startFakeFacebook();
  t = await startTestApp({ ...fb.env(), ...LIMITS });
});
after(async () => {
  await t.close();
  await fb.close();
});

describe('per caller (RATE_LIMIT_PER_MINUTE)', () => {
  test('a session gets the limit over all routes, then 429 with Retry-After and the RateLimit headers; nothing is done', async () => {
    const { token } = await t.user('counted@example.com');
    for (let i = 1; i <= PER_CALLER; i++) {
      const res = await call(t.app, 'GET', i % 2 ? '/v1/me' : '/v1/organizations', { token });
      assert.equal(res.status, 200, res.text);
      assertCounted(res, PER_CALLER, PER_CALLER - i);
    }
    const organizations = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    const over = await call(t.app, 'POST', '/v1/organizations', { token, body: { name: 'Over the limit' } });
    assertLimited(over, PER_CALLER);
    assert.deepEqual(await t.dataSource.query('SELECT count(*)::int AS count FROM organizations'), organizations);
    assertLimited(await call(t.app, 'GET', '/v1/me', { token }), PER_CALLER);
  });

  test('each caller has its own count, whatever address it calls from: two sessions, an organization token', async () => {
    const first = await t.user('first-caller@example.com');
    const second = await t.user('second-caller@example.com');
    for (let i = 0; i < PER_CALLER; i++) assert.equal((await call(t.app, 'GET', '/v1/me', { token: first.token })).status, 200);
    assertLimited(await call(t.app, 'GET', '/v1/me', { token: first.token }), PER_CALLER);
    const other = await call(t.app, 'GET', '/v1/me', { token: second.token });
    assert.equal(other.status, 200);
    assertCounted(other, PER_CALLER, PER_CALLER - 1);
    // The second user's session spends two more on setting up an organization token.
    const org = await createOrganization(t.app, second.token, { name: 'Rate limited' });
    const issued = await call(t.app, 'POST', `/v1/organizations/${org}/authorization_tokens`, {
      token: second.token,
      body: { read_enabled: true },
    });
    assert.equal(issued.status, 201, issued.text);
    const orgToken = issued.body.token;
    for (let i = 1; i <= PER_CALLER; i++) {
      const res = await from(t.app, `198.51.100.${i}`, 'GET', `/v1/organizations/${org}`, { authorization: `Bearer ${orgToken}` });
      assert.equal(res.status, 200, res.text);
      assertCounted(res, PER_CALLER, PER_CALLER - i);
    }
    assertLimited(
      await from(t.app, '198.51.100.99', 'GET', `/v1/organizations/${org}`, { authorization: `Bearer ${orgToken}` }),
      PER_CALLER,
    );
    assertCounted(await call(t.app, 'GET', '/v1/me', { token: second.token }), PER_CALLER, 1);
  });

  test('without a caller a route is 401 and counts nothing; health is never limited', async () => {
    for (let i = 0; i < PER_CALLER + 2; i++) {
      const anonymous = await call(t.app, 'GET', '/v1/me');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers['ratelimit-limit'], undefined);
      const health = await call(t.app, 'GET', '/health/live');
      assert.equal(health.status, 200);
      assert.equal(health.headers['ratelimit-limit'], undefined);
    }
  });
});

describe('per client address on the sign-in and Facebook callback routes (AUTH_RATE_LIMIT_PER_MINUTE)', () => {
  test('GET /v1/auth/facebook: the limit per address, then 429; no OAuth state is written over the limit', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS count FROM oauth_states');
    for (let i = 1; i <= PER_ADDRESS; i++) {
      const res = await from(t.app, '203.0.113.10', 'GET', '/v1/auth/facebook');
      assert.equal(res.status, 302, res.text);
      assertCounted(res, PER_ADDRESS, PER_ADDRESS - i);
    }
    for (let i = 0; i < 5; i++) assertLimited(await from(t.app, '203.0.113.10', 'GET', '/v1/auth/facebook'), PER_ADDRESS);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM oauth_states');
    assert.equal(count, before[0].count + PER_ADDRESS);
    assertCounted(await from(t.app, '203.0.113.11', 'GET', '/v1/auth/facebook'), PER_ADDRESS, PER_ADDRESS - 1);
  });

  test('the sign-in callback and the Facebook platform callbacks share one count per address', async () => {
    const address = '203.0.113.12';
    const signedRequest = fb.signedRequest({ user_id: '10000000099' });
    const counted = [
      await from(t.app, address, 'GET', '/v1/auth/facebook/callback?state=nope&code=nope', { accept: 'application/json' }),
      await from(t.app, address, 'POST', '/v1/facebook/deauthorize', { 'content-type': 'application/json' }),
      await from(t.app, address, 'GET', '/v1/facebook/data-deletion/unknown-code'),
    ];
    counted.forEach((res, i) => assertCounted(res, PER_ADDRESS, PER_ADDRESS - 1 - i));
    const over = await t.app.inject({
      method: 'POST',
      url: '/v1/facebook/data-deletion',
      remoteAddress: address,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `signed_request=${encodeURIComponent(signedRequest)}`,
    });
    assertLimited({ status: over.statusCode, headers: over.headers, body: JSON.parse(over.body), text: over.body }, PER_ADDRESS);
  });

  test('a browser over the limit on the callback gets the 429 itself, not a redirect that would hide Retry-After', async () => {
    const address = '203.0.113.13';
    for (let i = 0; i < PER_ADDRESS; i++) await from(t.app, address, 'GET', '/v1/auth/facebook');
    assertLimited(await from(t.app, address, 'GET', '/v1/auth/facebook/callback?state=x&code=y', { accept: 'text/html' }), PER_ADDRESS);
  });

  test('X-Forwarded-For from a client on the internet is ignored; from a proxy on a private network it names the client', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) {
      assert.equal((await from(t.app, '203.0.113.20', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': `192.0.2.${i}` })).status, 302);
    }
    assertLimited(await from(t.app, '203.0.113.20', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': '192.0.2.200' }), PER_ADDRESS);
    // Behind a proxy at 10.0.0.2, each client has its own count, and a client cannot reset its own by prepending addresses.
    for (let i = 0; i < PER_ADDRESS + 1; i++) {
      assert.equal((await from(t.app, '10.0.0.2', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': `192.0.2.${100 + i}` })).status, 302);
    }
    for (let i = 0; i < PER_ADDRESS; i++) {
      const res = await from(t.app, '10.0.0.2', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': `10.9.9.${i}, 192.0.2.150` });
      assert.equal(res.status, 302, res.text);
    }
    assertLimited(await from(t.app, '10.0.0.2', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': '10.9.9.77, 192.0.2.150' }), PER_ADDRESS);
  });

  test('IPv6 clients are counted per /64, so one host cannot rotate through its addresses', async () => {
    for (const address of ['2001:db8:1:1::1', '2001:db8:1:1::2', '2001:db8:1:1:ffff::3']) {
      assert.equal((await from(t.app, address, 'GET', '/v1/auth/facebook')).status, 302);
    }
    assertLimited(await from(t.app, '2001:db8:1:1::4', 'GET', '/v1/auth/facebook'), PER_ADDRESS);
    assert.equal((await from(t.app, '2001:db8:1:2::1', 'GET', '/v1/auth/facebook')).status, 302);
  });
});

test('CORS exposes Retry-After, the RateLimit headers and Idempotent-Replayed to the web app', async () => {
  const { token } = await t.user('cors-limits@example.com');
  const res = await call(t.app, 'GET', '/v1/me', { token, headers: { origin: 'http://app.test' } });
  assert.equal(res.status, 200);
  const exposed = String(res.headers['access-control-expose-headers'])
    .split(',')
    .map((h) => h.trim().toLowerCase());
  for (const header of [
    'Retry-After',
    'RateLimit-Limit',
    'RateLimit-Remaining',
    'RateLimit-Reset',
    'Idempotent-Replayed',
    'Link',
    'X-Total-Count',
    'ETag',
    'X-Request-Id',
  ]) {
    assert.ok(exposed.includes(header.toLowerCase()), header);
  }
});

test('spent and expired OAuth states are purged within minutes, by a job that runs every minute', async () => {
  const interval = t.app.get(Reflector).get<{ timeout: number }>('SCHEDULE_INTERVAL_OPTIONS', HousekeepingJob.prototype.purgeOAuthStates);
  assert.ok(interval.timeout <= 60_000, `every ${interval.timeout} ms`);
  assert.ok(t.app.get(SchedulerRegistry).getInterval('oauth-state-purge'));

  const states = t.app.get(OAuthStateStore);
  await t.dataSource.query('DELETE FROM oauth_states');
  const issue = async () => hashToken((await states.issue('login', {}, 600)).state);
  const fresh = await issue();
  const spentJustNow = await issue();
  const spentMinutesAgo = await issue();
  const expiredMinutesAgo = await issue();
  await t.dataSource.query(`UPDATE oauth_states SET used_at = now() WHERE state_hash = $1`, [spentJustNow]);
  await t.dataSource.query(`UPDATE oauth_states SET used_at = now() - interval '6 minutes' WHERE state_hash = $1`, [spentMinutesAgo]);
  await t.dataSource.query(`UPDATE oauth_states SET expires_at = now() - interval '6 minutes' WHERE state_hash = $1`, [expiredMinutesAgo]);
  await t.app.get(HousekeepingJob).purgeOAuthStates();
  const left: { state_hash: string }[] = await t.dataSource.query('SELECT state_hash FROM oauth_states ORDER BY state_hash');
  assert.deepEqual(
    left.map((row) => row.state_hash),
    [fresh, spentJustNow].sort(),
  );
});

test('OpenAPI: every /v1 operation documents the 429 with its headers; health does not', async () => {
  const document = (await call(t.app, 'GET', '/docs-json')).body as {
    paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
  };
  let counted = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const limited = operation.responses['429'];
      if (path.startsWith('/health')) assert.equal(limited, undefined, `${method} ${path}`);
      else {
        assert.ok(limited?.headers && 'Retry-After' in limited.headers && 'RateLimit-Reset' in limited.headers, `${method} ${path}`);
        counted++;
      }
    }
  }
  assert.ok(counted > 20, `${counted} operations`);
});
