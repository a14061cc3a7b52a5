import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { POOL_SIZE } from '../../src/infrastructure/database/data-source.options.js';
import { translateError } from '../../src/infrastructure/http/all-exceptions.filter.js';
import { call, createOrganization, type Sent } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

// DATABASE_TIMEOUT_MS bounds every wait for the database; past it a request is a 503 the client
// may retry, never a 500 and never a stall. Each case also lets go of what it holds after a few
// seconds, so code without the bound fails an assertion instead of hanging the run.
const TIMEOUT_MS = 1000;
const LET_GO_MS = 6000;

let t: TestApp;
let token: string;
let databaseUrl: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: databaseUrl, application_name: 'entropy-test-locker' });
  await c.connect();
  return c;
}

function assertUnavailable(res: Sent): void {
  assert.equal(res.status, 503, res.text);
  assert.equal(res.body.code, 'DATABASE.UNAVAILABLE');
  assert.deepEqual(Object.keys(res.body).sort(), ['code', 'error', 'message', 'statusCode']);
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(retryAfter >= 1 && retryAfter <= 5, `Retry-After ${res.headers['retry-after']}`);
}

/** Holds a row lock on an organization from outside the service until `release` (or LET_GO_MS). */
async function lockOrganization(id: string): Promise<{ release(): Promise<void> }> {
  const locker = await client();
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE', [id]);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    clearTimeout(safety);
    await locker.query('ROLLBACK').catch(() => undefined);
    await locker.end().catch(() => undefined);
  };
  const safety = setTimeout(() => void release(), LET_GO_MS);
  return { release };
}

before(async () => {
  if (NEEDS_POSTGRES) return;
  t = await startTestApp({ DATABASE_TIMEOUT_MS: String(TIMEOUT_MS) }, 'postgres');
  token = (await t.user('timeouts@example.com')).token;
  databaseUrl = process.env.DATABASE_URL!;
});
after(() => t?.close());

test(
  'a request that waits on a held row lock answers 503 DATABASE.UNAVAILABLE in time; /v1/me is served meanwhile',
  { skip: NEEDS_POSTGRES },
  async () => {
    const id = await createOrganization(t.app, token, { name: 'Locked' });
    const lock = await lockOrganization(id);
    try {
      const started = Date.now();
      const put = call(t.app, 'PUT', `/v1/organizations/${id}`, { token, body: { bio: 'waits for the lock' } });
      await sleep(100);
      const meStarted = Date.now();
      const me = await call(t.app, 'GET', '/v1/me', { token });
      assert.equal(me.status, 200, me.text);
      assert.ok(Date.now() - meStarted < TIMEOUT_MS, 'GET /v1/me did not wait for the lock');
      const res = await put;
      assertUnavailable(res);
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= TIMEOUT_MS * 0.9 && elapsed < LET_GO_MS - 1000, `answered after ${elapsed} ms`);
    } finally {
      await lock.release();
    }
    const [{ bio }] = await t.dataSource.query('SELECT bio FROM organizations WHERE id = $1', [id]);
    assert.equal(bio, null);
    assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token, body: { bio: 'after' } })).status, 200);
  },
);

test('a statement running past DATABASE_TIMEOUT_MS is cancelled and maps to 503', { skip: NEEDS_POSTGRES }, async () => {
  const started = Date.now();
  const error = await t.dataSource.query(`SELECT pg_sleep(${LET_GO_MS / 1000})`).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the statement was not cancelled');
  assert.ok(Date.now() - started < LET_GO_MS - 1000);
  assert.equal(translateError(error).status, 503);
  assert.equal(translateError(error).code, 'DATABASE.UNAVAILABLE');
});

test(
  'with every pool connection held, a request answers 503 after DATABASE_TIMEOUT_MS, and 200 once they are back',
  { skip: NEEDS_POSTGRES },
  async () => {
    const runners: QueryRunner[] = [];
    const releaseAll = () => Promise.all(runners.splice(0).map((r) => r.release()));
    const safety = setTimeout(() => void releaseAll(), LET_GO_MS);
    try {
      for (let i = 0; i < POOL_SIZE; i++) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        runners.push(runner);
      }
      const started = Date.now();
      const res = await call(t.app, 'GET', '/v1/me', { token });
      assertUnavailable(res);
      assert.ok(Date.now() - started < LET_GO_MS - 1000);
      // The Idempotency-Key claim is read in a Fastify hook, before any Nest handler: also a 503.
      const post = await call(t.app, 'POST', '/v1/organizations', {
        token,
        headers: { 'idempotency-key': 'pool-exhausted' },
        body: { name: 'Never' },
      });
      assertUnavailable(post);
    } finally {
      clearTimeout(safety);
      await releaseAll();
    }
    assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 200);
  },
);

test('a request whose connection is terminated mid-statement answers 503, not 500', { skip: NEEDS_POSTGRES }, async () => {
  const id = await createOrganization(t.app, token, { name: 'Terminated mid-request' });
  const lock = await lockOrganization(id);
  const admin = await client();
  try {
    const put = call(t.app, 'PUT', `/v1/organizations/${id}`, { token, body: { bio: 'never written' } });
    let terminated = false;
    for (let i = 0; i < 40 && !terminated; i++) {
      const { rows } = await admin.query<{ done: boolean }>(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'entropy-api' AND wait_event_type = 'Lock'`,
      );
      terminated = rows.some((row) => row.done);
      if (!terminated) await sleep(10);
    }
    assert.ok(terminated, 'found the waiting backend');
    const res = await put;
    assertUnavailable(res);
  } finally {
    await lock.release();
    await admin.end();
  }
  assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 200);
});

test('after pg_terminate_backend on every connection of the service the pool recovers by itself', { skip: NEEDS_POSTGRES }, async () => {
  // Open several connections, then kill them all while idle in the pool.
  const warm = await Promise.all(Array.from({ length: 6 }, () => call(t.app, 'GET', '/v1/me', { token })));
  assert.ok(warm.every((r) => r.status === 200));
  const admin = await client();
  try {
    const { rows: killed } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'entropy-api'`,
    );
    assert.ok(killed.length > 0);
  } finally {
    await admin.end();
  }
  // Straight away, a request may still pick a connection whose death the pool has not seen yet:
  // that one is a 503 to retry, never a 500.
  const immediate = await Promise.all(Array.from({ length: 6 }, () => call(t.app, 'GET', '/v1/me', { token })));
  for (const res of immediate) {
    if (res.status !== 200) assertUnavailable(res);
  }
  await sleep(200);
  const later = await Promise.all(Array.from({ length: 12 }, () => call(t.app, 'GET', '/v1/me', { token })));
  assert.deepEqual(
    later.map((r) => r.status),
    later.map(() => 200),
  );
});
