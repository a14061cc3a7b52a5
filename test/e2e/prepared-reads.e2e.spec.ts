import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { PreparedReads } from '../../src/infrastructure/database/prepared-reads.js';
import { translateError } from '../../src/infrastructure/http/all-exceptions.filter.js';
import { call, createOrganization } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

// The hot reads go to PostgreSQL as named statements on TypeORM's own pool (PreparedReads), and
// to the embedded database through its serialized path; both give the rows TypeORM gives.
let t: TestApp;
let token: string;
let reads: PreparedReads;
const TIMEOUT_MS = 1000;

before(async () => {
  t = await startTestApp({ DATABASE_TIMEOUT_MS: String(TIMEOUT_MS), FACEBOOK_APP_ID: '1', FACEBOOK_APP_SECRET: 'secret' });
  token = (await t.user('reads@example.com')).token;
  reads = t.app.get(PreparedReads);
});
after(() => t?.close());

/** The statements prepared on every connection the service's pool holds. */
async function preparedOnThePool(): Promise<string[]> {
  const pool = (t.dataSource.driver as PostgresDriver).master as pg.Pool;
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    const found = await Promise.all(clients.map((c) => c.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')));
    return found.flatMap((r) => r.rows.map((row) => row.statement));
  } finally {
    clients.forEach((c) => c.release());
  }
}

test('GET by id and a list run as named statements on PostgreSQL', { skip: NEEDS_POSTGRES }, async () => {
  const id = await createOrganization(t.app, token, { name: 'Prepared' });
  assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token })).status, 200);
  assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/credentials`, { token })).status, 200);
  const statements = await preparedOnThePool();
  assert.ok(
    statements.some((s) => /FROM organizations o\s+LEFT JOIN memberships m/.test(s) && /WHERE o\.id = \$1/.test(s)),
    'the organization read is prepared',
  );
  assert.ok(
    statements.some((s) => /FROM credentials c/.test(s)),
    'the credentials page is prepared',
  );
});

test('every statement is planned with its values, never with a generic plan kept for all values', { skip: NEEDS_POSTGRES }, async () => {
  // Asked twice through the pool, so more than one connection is likely asked too.
  for (let i = 0; i < 2; i++) {
    const [{ plan_cache_mode: mode }] = await reads.query('SHOW plan_cache_mode');
    assert.equal(mode, 'force_custom_plan');
  }
});

test('a refused or timed-out statement gives its connection back to the pool intact', { skip: NEEDS_POSTGRES }, async () => {
  const pool = (t.dataSource.driver as PostgresDriver).master as pg.Pool;
  await Promise.all(Array.from({ length: 3 }, () => reads.query('SELECT 1')));
  const before = pool.totalCount;
  await reads.query('SELECT 1 / 0').catch(() => undefined);
  await reads.query('SELECT pg_sleep(2)').catch(() => undefined);
  assert.equal(pool.totalCount, before, 'a connection was closed after a statement error');
});

test('a row reads the same through PreparedReads as through TypeORM (types included)', async () => {
  const id = await createOrganization(t.app, token, { name: 'Same rows', currency: 'EUR' });
  const text = 'SELECT id, name, currency, created_at, version, verified_at FROM organizations WHERE id = $1';
  const [prepared] = await reads.query(text, [id]);
  const [typeorm] = await t.dataSource.query(text, [id]);
  assert.deepEqual(prepared, typeorm);
  assert.ok(prepared.created_at instanceof Date);
  // Twice: the second run binds the already prepared statement.
  assert.deepEqual((await reads.query(text, [id]))[0], typeorm);
});

test('a refused statement is a QueryFailedError; a statement past DATABASE_TIMEOUT_MS is a 503', { skip: NEEDS_POSTGRES }, async () => {
  const refused = await reads.query('SELECT nothing FROM organizations WHERE id = $1', ['x']).catch((e: unknown) => e);
  assert.equal((refused as Error).constructor.name, 'QueryFailedError');
  assert.equal(translateError(refused).status, 500);
  const started = Date.now();
  const slow = await reads.query('SELECT pg_sleep(5)').catch((e: unknown) => e);
  assert.ok(slow instanceof Error, 'the statement was not cancelled');
  assert.ok(Date.now() - started < 4000);
  assert.equal(translateError(slow).status, 503);
  assert.equal(translateError(slow).code, 'DATABASE.UNAVAILABLE');
});

test('an authenticated GET on a warm principal cache is one statement: lists, their totals and the access check included', async () => {
  const id = await createOrganization(t.app, token, { name: 'One statement' });
  const issued = await call(t.app, 'POST', `/v1/organizations/${id}/authorization_tokens`, {
    token,
    body: { description: 'reads', read_enabled: true },
  });
  assert.equal(issued.status, 201);
  const apiToken = (issued.body as { token: string }).token;
  const routes = [
    ['/v1/me', token],
    [`/v1/organizations/${id}`, token],
    ['/v1/organizations?per=5', token],
    [`/v1/organizations/${id}/credentials`, token],
    [`/v1/organizations/${id}/credentials`, apiToken],
    [`/v1/organizations/${id}/credentials/1`, token],
    [`/v1/organizations/${id}/members`, token],
    [`/v1/organizations/${id}/invitations`, token],
    [`/v1/organizations/${id}/authorization_tokens`, token],
    [`/v1/organizations/${id}/events`, token],
    [`/v1/organizations/${id}/events`, apiToken],
  ] as const;
  let statements = 0;
  const query = reads.query.bind(reads);
  reads.query = (text: string, params?: unknown[]) => {
    statements++;
    return query(text, params);
  };
  try {
    for (const [url, bearer] of routes) {
      await call(t.app, 'GET', url, { token: bearer }); // warms the principal cache
      statements = 0;
      const res = await call(t.app, 'GET', url, { token: bearer });
      assert.ok(res.status === 200 || res.status === 404, `${url}: ${res.status}`);
      assert.equal(statements, 1, `GET ${url} sent ${statements} statements`);
    }
  } finally {
    reads.query = query;
  }
});
