import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PrincipalCache } from '../../src/auth/principal.cache.js';
import { call } from '../support/http.js';
import { startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

// One process, on PostgreSQL and on the embedded PGlite (where the triggers notify the one session
// the listener shares). Across replicas: replicas.e2e.spec.ts.
let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(async () => {
  await t.close();
});

test(`${TEST_DB}: a cached session is evicted by any change to its row before that change returns`, async () => {
  const cache = t.app.get(PrincipalCache);
  assert.equal(cache.active, true);
  const { id, token } = await t.user('cached-here@example.com');
  assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 200);
  assert.ok(cache.size >= 1);
  // Not through any handler: the trigger sees every UPDATE.
  await t.dataSource.query('UPDATE sessions SET expires_at = now() - interval $$1 second$$ WHERE user_id = $1', [id]);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 401);
});

test(`${TEST_DB}: a deleted user's sessions (ON DELETE CASCADE) stop working at once`, async () => {
  const { id, token } = await t.user('deleted-here@example.com');
  assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 200);
  await t.dataSource.query('DELETE FROM users WHERE id = $1', [id]);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 401);
});
