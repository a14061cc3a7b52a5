import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { PrincipalCache } from '../../src/auth/principal.cache.js';
import { PrincipalInvalidationListener } from '../../src/auth/principal-invalidation.listener.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { randomInt } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { Redis } from 'ioredis';
import { call as inject, type Sent } from '../support/http.js';
import { freePort, runNode, startService, type Service } from '../support/processes.js';
import { assertCounted, assertLimited, from } from '../support/rate-limits.js';
import { startReplicas, type Replicas } from '../support/replicas.js';
import { createTestDatabase, NEEDS_POSTGRES, type TestDatabase } from '../support/test-app.js';

// Two replicas of the service in this process, each with its own pool, principal cache and
// invalidation listener, on one PostgreSQL database. (That a burst of changes publishes each
// event once is the event relay's test.)
let fb: FakeFacebook;
let r: Replicas;
let a: NestFastifyApplication;
let b: NestFastifyApplication;

/**
 * Real HTTP over loopback, not inject(): a request then arrives through the event loop's I/O like
 * a notification does, as it would from a proxy (inject would run a cached lookup to its end
 * before this process even reads a notification already waiting on its socket).
 */
async function call(
  app: NestFastifyApplication,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (typeof options.body === 'string') payload = options.body;
  else if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${await app.getUrl()}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), body, text };
}

async function createOrganization(app: NestFastifyApplication, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(app, 'POST', '/v1/organizations', { token, body });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

const status = async (app: NestFastifyApplication, url: string, token: string) => (await call(app, 'GET', url, { token })).status;

/** Asks twice, so the second answer on `app` comes from its cache if it has one. */
async function cachedOn(app: NestFastifyApplication, url: string, token: string): Promise<void> {
  assert.equal(await status(app, url, token), 200);
  assert.equal(await status(app, url, token), 200);
}

async function issueToken(
  app: NestFastifyApplication,
  owner: string,
  org: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  const res = await call(app, 'POST', `/v1/organizations/${org}/authorization_tokens`, {
    token: owner,
    body: { read_enabled: true, ...body },
  });
  assert.equal(res.status, 201, res.text);
  return { id: res.body.id, token: res.body.token };
}

/**
 * Runs `change` on A and waits until B's listener has received the notification it causes. A
 * request reaching B in the fraction of a millisecond before that is still answered from B's
 * cache: that window is the notification's delivery, and it is what "at once" means here.
 */
async function notifiedOnB(change: () => Promise<unknown>): Promise<void> {
  const cache = b.get(PrincipalCache);
  const before = cache.invalidations;
  await change();
  await until(() => cache.invalidations > before, 'B receives the notification');
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two replicas on one PostgreSQL', { skip: NEEDS_POSTGRES }, () => {
  before(async () => {
    fb = await startFakeFacebook();
    r = await startReplicas(2, fb.env());
    [a, b] = r.apps;
    for (const app of r.apps) await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await r?.close();
    await fb?.close();
  });

  describe('a principal cached on each replica stops working on every replica at once', () => {
    test('both replicas cache principals (the listener is subscribed)', async () => {
      const { token } = await r.user('cached@example.com');
      for (const app of [a, b]) {
        assert.equal(app.get(PrincipalInvalidationListener).listening, true);
        await cachedOn(app, '/v1/me', token);
        assert.ok(app.get(PrincipalCache).size >= 1);
      }
    });

    test('logout on A: the next request on B is 401', async () => {
      const { token } = await r.user('logout@example.com');
      await cachedOn(a, '/v1/me', token);
      await cachedOn(b, '/v1/me', token);
      await notifiedOnB(async () => assert.equal((await call(a, 'POST', '/v1/auth/logout', { token })).status, 204));
      assert.equal(await status(b, '/v1/me', token), 401);
      assert.equal(await status(a, '/v1/me', token), 401);
    });

    test('an authorization token revoked on A: the next request on B is 401', async () => {
      const owner = await r.user('token-owner@example.com');
      const org = await createOrganization(a, owner.token, { name: 'Revoked on A' });
      const issued = await issueToken(a, owner.token, org);
      await cachedOn(b, `/v1/organizations/${org}`, issued.token);
      await notifiedOnB(async () =>
        assert.equal(
          (await call(a, 'DELETE', `/v1/organizations/${org}/authorization_tokens/${issued.id}`, { token: owner.token })).status,
          204,
        ),
      );
      assert.equal(await status(b, `/v1/organizations/${org}`, issued.token), 401);
    });

    test('an organization deleted on A: its tokens are 401 on B at once', async () => {
      const owner = await r.user('org-owner@example.com');
      const org = await createOrganization(a, owner.token, { name: 'Deleted on A' });
      const issued = await issueToken(a, owner.token, org);
      await cachedOn(b, `/v1/organizations/${org}`, issued.token);
      await notifiedOnB(async () => {
        const deleted = await call(a, 'DELETE', `/v1/organizations/${org}`, { token: owner.token });
        assert.equal(deleted.status, 204, deleted.text);
      });
      assert.equal(await status(b, `/v1/organizations/${org}`, issued.token), 401);
    });

    test('a data deletion request handled by A signs the user out on B', async () => {
      const facebookUserId = '16180339887498';
      fb.addUser({ id: facebookUserId, name: 'Ada Lovelace' });
      const ada = await r.user('ada@example.com');
      await r.dataSource.query('UPDATE users SET facebook_user_id = $1 WHERE id = $2', [facebookUserId, ada.id]);
      await cachedOn(b, '/v1/me', ada.token);
      await notifiedOnB(async () => {
        const res = await call(a, 'POST', '/v1/facebook/data-deletion', {
          body: new URLSearchParams({ signed_request: fb.signedRequest({ user_id: facebookUserId }) }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.equal(res.status, 200, res.text);
      });
      assert.equal(await status(b, '/v1/me', ada.token), 401);
    });

    test('a user made platform admin (or no longer) is seen so on B at once: the principal carries the flag', async () => {
      const owner = await r.user('private-owner@example.com');
      const org = await createOrganization(a, owner.token, { name: 'Not yours' });
      const grace = await r.user('grace@example.com');
      await cachedOn(b, '/v1/me', grace.token);
      assert.equal(await status(b, `/v1/organizations/${org}`, grace.token), 404);
      // Any change of the column notifies (the CLI, an operator's UPDATE): the trigger is on the table.
      await notifiedOnB(() => r.dataSource.query('UPDATE users SET is_admin = true WHERE id = $1', [grace.id]));
      assert.equal(await status(b, `/v1/organizations/${org}`, grace.token), 200);
      await cachedOn(b, `/v1/organizations/${org}`, grace.token);
      await notifiedOnB(() => r.dataSource.query('UPDATE users SET is_admin = false WHERE id = $1', [grace.id]));
      assert.equal(await status(b, `/v1/organizations/${org}`, grace.token), 404);
    });

    test('a cached token stops working when it expires, whatever the cache TTL', async () => {
      const owner = await r.user('expiring-owner@example.com');
      const org = await createOrganization(a, owner.token, { name: 'Expiring' });
      const issued = await issueToken(a, owner.token, org, { expires_at: new Date(Date.now() + 1500).toISOString() });
      await cachedOn(b, `/v1/organizations/${org}`, issued.token);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      assert.equal(await status(b, `/v1/organizations/${org}`, issued.token), 401);
    });

    test('only a change to what a principal is built from notifies: a token’s use (last_used_at) does not', async () => {
      const owner = await r.user('quiet-owner@example.com');
      const org = await createOrganization(a, owner.token, { name: 'Quiet' });
      const used = await issueToken(a, owner.token, org);
      const revoked = await issueToken(a, owner.token, org);
      const [{ token_hash: revokedHash }] = await r.dataSource.query('SELECT token_hash FROM authorization_tokens WHERE id = $1', [
        revoked.id,
      ]);
      const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await listener.connect();
      try {
        const received: string[] = [];
        listener.on('notification', (message) => received.push(message.payload ?? ''));
        await listener.query('LISTEN entropy_principals');
        await r.dataSource.query('UPDATE authorization_tokens SET last_used_at = now() WHERE id = $1', [used.id]);
        await r.dataSource.query(`UPDATE authorization_tokens SET description = 'renamed' WHERE id = $1`, [used.id]);
        await r.dataSource.query('UPDATE authorization_tokens SET revoked_at = now() WHERE id = $1', [revoked.id]);
        await until(() => received.length > 0, 'the revocation is notified');
        assert.deepEqual(received, [revokedHash]);
      } finally {
        await listener.end();
      }
    });

    test('nothing stays cached through the listener’s downtime; the cache comes back with it', async () => {
      const { token } = await r.user('outage@example.com');
      const other = await r.user('outage-other@example.com');
      await cachedOn(b, '/v1/me', token);
      await r.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'entropy-api-principals'`);
      await until(() => !b.get(PrincipalInvalidationListener).listening, 'B notices its listener is gone');
      assert.equal(b.get(PrincipalCache).size, 0);
      // Revoked while no replica listens: the notification is lost, the database still answers.
      await r.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [
        (await r.dataSource.query(`SELECT id FROM users WHERE email = 'outage@example.com'`))[0].id,
      ]);
      assert.equal(await status(b, '/v1/me', token), 401);
      assert.equal(await status(b, '/v1/me', other.token), 200);
      await until(
        () => a.get(PrincipalInvalidationListener).listening && b.get(PrincipalInvalidationListener).listening,
        'both listeners are back',
      );
      assert.equal(await status(b, '/v1/me', token), 401);
      await cachedOn(b, '/v1/me', other.token);
      assert.ok(b.get(PrincipalCache).size >= 1);
    });
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<true | string> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    return `needs Redis at ${REDIS_URL} (${(error as Error).message})`;
  } finally {
    redis.disconnect();
  }
}

const PER_CALLER = 5;
const PER_ADDRESS = 3;
const LIMITS = { RATE_LIMIT_PER_MINUTE: String(PER_CALLER), AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS) };
/** An address of this run only (TEST-NET-2), so counters left in Redis by an earlier run never count. */
const address = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;

const reachable = NEEDS_POSTGRES ? true : await redisReachable();

describe('two replicas sharing Redis (REDIS_URL)', { skip: NEEDS_POSTGRES || (reachable === true ? false : reachable) }, () => {
  let shared: Replicas;
  let fbShared: FakeFacebook;
  before(async () => {
    fbShared = await startFakeFacebook();
    shared = await startReplicas(2, { ...fbShared.env(), ...LIMITS, REDIS_URL });
  });
  after(async () => {
    await shared?.close();
    await fbShared?.close();
  });

  test('a caller’s limit is shared: 3 requests on A and 2 on B spend it, the next one on either is 429', async () => {
    const [ra, rb] = shared.apps;
    const { token } = await shared.user('shared-limit@example.com');
    for (let i = 1; i <= PER_CALLER; i++) {
      const res = await inject(i <= 3 ? ra : rb, 'GET', '/v1/me', { token });
      assert.equal(res.status, 200, res.text);
      assertCounted(res, PER_CALLER, PER_CALLER - i);
    }
    assertLimited(await inject(ra, 'GET', '/v1/me', { token }), PER_CALLER);
    assertLimited(await inject(rb, 'GET', '/v1/me', { token }), PER_CALLER);
  });

  test('the per-address limit on the sign-in routes is shared too', async () => {
    const [ra, rb] = shared.apps;
    const from_ = address();
    assertCounted(await from(ra, from_, 'GET', '/v1/auth/facebook'), PER_ADDRESS, 2);
    assertCounted(await from(rb, from_, 'GET', '/v1/auth/facebook'), PER_ADDRESS, 1);
    assertCounted(await from(ra, from_, 'GET', '/v1/auth/facebook'), PER_ADDRESS, 0);
    assertLimited(await from(rb, from_, 'GET', '/v1/auth/facebook'), PER_ADDRESS);
  });

  test('the counters are in Redis under the service’s prefix, per caller', async () => {
    const [ra] = shared.apps;
    const { id, token } = await shared.user('keys@example.com');
    assert.equal((await inject(ra, 'GET', '/v1/me', { token })).status, 200);
    const [{ id: sessionId }] = await shared.dataSource.query('SELECT id FROM sessions WHERE user_id = $1', [id]);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`entropy:rate-limit:*${sessionId}*`);
      assert.deepEqual(keys, [`entropy:rate-limit:{caller:session:${sessionId}:caller}:hits`]);
      assert.equal(await redis.get(keys[0]), '1');
    } finally {
      redis.disconnect();
    }
  });

  test('/health/ready reports Redis by name', async () => {
    const res = await inject(shared.apps[0], 'GET', '/health/ready');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { status: 'ok', database: 'up', migrations: 'up', redis: 'up' });
  });
});

describe('Redis configured but down: the limiter fails open to counting per process', { skip: NEEDS_POSTGRES }, () => {
  let down: Replicas;
  let log = '';
  before(async () => {
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    // A port nothing listens on.
    down = await startReplicas(
      2,
      { ...LIMITS, LOG_LEVEL: 'warn', REDIS_URL: `redis://:secret-password@127.0.0.1:${await freePort()}` },
      { logDestination: sink },
    );
  });
  after(async () => {
    await down?.close();
  });

  test('requests answer without waiting for Redis, each replica enforcing the limit alone', async () => {
    const [ra, rb] = down.apps;
    const { token } = await down.user('no-redis@example.com');
    const hang = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('a request waited for Redis')), 5_000).unref());
    for (let i = 1; i <= PER_CALLER; i++) {
      const res = await Promise.race([inject(ra, 'GET', '/v1/me', { token }), hang]);
      assert.equal(res.status, 200, res.text);
      assertCounted(res, PER_CALLER, PER_CALLER - i);
    }
    assertLimited(await inject(ra, 'GET', '/v1/me', { token }), PER_CALLER);
    const other = await Promise.race([inject(rb, 'GET', '/v1/me', { token }), hang]);
    assert.equal(other.status, 200, other.text);
    assertCounted(other, PER_CALLER, PER_CALLER - 1);
  });

  test('the fall-back is logged once per replica (a warning), never with the password', () => {
    const lines = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    const warnings = lines.filter((line) => line.msg.startsWith('Redis does not answer'));
    assert.equal(warnings.length, 2, log);
    assert.ok(warnings.every((line) => line.level === 40));
    assert.doesNotMatch(log, /secret-password/);
  });

  test('/health/ready says redis is down, and stays 200 (degraded): the API still serves', async () => {
    const res = await inject(down.apps[0], 'GET', '/health/ready');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { status: 'degraded', database: 'up', migrations: 'up', redis: 'down' });
  });
});

describe('behind a proxy named by TRUSTED_PROXIES', { skip: NEEDS_POSTGRES }, () => {
  let proxied: Replicas;
  before(async () => {
    proxied = await startReplicas(1, { ...LIMITS, TRUSTED_PROXIES: '203.0.113.7' });
  });
  after(async () => {
    await proxied?.close();
  });

  test('only the proxy’s X-Forwarded-For names the client: another private address cannot choose one', async () => {
    const [app] = proxied.apps;
    for (let i = 1; i <= PER_ADDRESS; i++) {
      assertCounted(
        await from(app, '203.0.113.7', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': `192.0.2.${i}` }),
        PER_ADDRESS,
        PER_ADDRESS - 1,
      );
    }
    // A container next to the proxy (private, but not the proxy) is counted under its own address.
    for (let i = 1; i <= PER_ADDRESS; i++) {
      assertCounted(
        await from(app, '10.0.0.5', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': `192.0.2.${100 + i}` }),
        PER_ADDRESS,
        PER_ADDRESS - i,
      );
    }
    assertLimited(await from(app, '10.0.0.5', 'GET', '/v1/auth/facebook', { 'x-forwarded-for': '192.0.2.200' }), PER_ADDRESS);
  });
});

describe(
  'two replica processes (the real entry point) on loopback',
  { skip: NEEDS_POSTGRES || (reachable === true ? false : reachable) },
  () => {
    const LIMIT = 40;
    let database: TestDatabase;
    let services: Service[] = [];
    let bases: string[] = [];
    let env: Record<string, string>;

    before(async () => {
      database = await createTestDatabase('postgres');
      env = {
        ...database.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        REDIS_URL,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        FACEBOOK_APP_ID: '',
        FACEBOOK_APP_SECRET: '',
      };
      const ports = [await freePort(), await freePort()];
      bases = ports.map((port) => `http://127.0.0.1:${port}`);
      // Both at once: the migrations' advisory lock lets one apply them.
      services = ports.map((port) => startService({ ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }));
      await Promise.all(services.map((service) => service.waitFor(/Listening on/)));
    });
    after(async () => {
      await Promise.all(services.map((service) => service.stop()));
      await database?.drop();
    });

    const get = (base: string, token: string) => fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } });

    test('a logout on one is seen by the other (by its notification, long before the cache TTL), and the limit is shared', async () => {
      const email = `processes-${randomInt(1e9)}@example.com`;
      assert.equal((await runNode('src/cli.js', ['users:create', '--email', email, '--name', 'Processes'], env)).code, 0);
      const session = await runNode('src/cli.js', ['sessions:create', '--email', email], env);
      assert.equal(session.code, 0, session.stderr);
      const token = (JSON.parse(session.stdout.trim().split('\n').pop()!) as { access_token: string }).access_token;
      const [first, second] = bases;
      let spent = 0;
      for (const base of [first, second, first, second]) {
        const res = await get(base, token);
        spent++;
        assert.equal(res.status, 200);
        // One count for both processes: Redis.
        assert.equal(res.headers.get('ratelimit-remaining'), String(LIMIT - spent));
      }
      const logout = await fetch(`${first}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      assert.equal(logout.status, 204);
      // Across processes the notification's delivery cannot be observed from here: ask until it is
      // refused, within 5 s (the cache would keep it up to 30 s without the notification).
      const deadline = Date.now() + 5_000;
      let status = 0;
      while (Date.now() < deadline && (status = (await get(second, token)).status) === 200)
        await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(status, 401);
      assert.equal((await get(first, token)).status, 401);
    });
  },
);
