import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('/health/ready answers 503 with migrations "pending" while the latest migration is not recorded', async () => {
  assert.deepEqual((await call(t.app, 'GET', '/health/ready')).body, { status: 'ok', database: 'up', migrations: 'up' });
  const [latest]: { id: number; timestamp: string; name: string }[] = await t.dataSource.query(
    'SELECT id, timestamp, name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1',
  );
  await t.dataSource.query('DELETE FROM schema_migrations WHERE id = $1', [latest.id]);
  const pending = await call(t.app, 'GET', '/health/ready');
  assert.equal(pending.status, 503);
  assert.deepEqual(pending.body, { status: 'unavailable', database: 'up', migrations: 'pending' });
  await t.dataSource.query('INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
    latest.id,
    latest.timestamp,
    latest.name,
  ]);
  assert.equal((await call(t.app, 'GET', '/health/ready')).status, 200);
});

test('/health/ready answers 503 on a database with no schema at all', async () => {
  await t.dataSource.query('ALTER TABLE schema_migrations RENAME TO schema_migrations_away');
  try {
    const empty = await call(t.app, 'GET', '/health/ready');
    assert.equal(empty.status, 503);
    assert.deepEqual(empty.body, { status: 'unavailable', database: 'up', migrations: 'pending' });
  } finally {
    await t.dataSource.query('ALTER TABLE schema_migrations_away RENAME TO schema_migrations');
  }
  assert.equal((await call(t.app, 'GET', '/health/ready')).status, 200);
});
