import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The embedded database is one session handed out in turn: a request waiting for it longer than
// DATABASE_TIMEOUT_MS answers 503, and the turn order (one at a time) survives the ones that gave up.
const TIMEOUT_MS = 300;
const LET_GO_MS = 5000;

let t: TestApp;
let token: string;

before(async () => {
  t = await startTestApp({ DATABASE_TIMEOUT_MS: String(TIMEOUT_MS) }, 'pglite');
  token = (await t.user('embedded@example.com')).token;
});
after(() => t.close());

test('a request that cannot get the embedded session in time answers 503 with Retry-After; then the session serves again', async () => {
  const holder = t.dataSource.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  await holder.query('SELECT 1');
  const safety = setTimeout(() => void holder.release(), LET_GO_MS);
  let res;
  const started = Date.now();
  try {
    res = await Promise.all([call(t.app, 'GET', '/v1/me', { token }), call(t.app, 'GET', '/v1/me', { token })]);
  } finally {
    clearTimeout(safety);
    await holder.rollbackTransaction().catch(() => undefined);
    await holder.release();
  }
  const elapsed = Date.now() - started;
  for (const r of res) {
    assert.equal(r.status, 503, r.text);
    assert.equal(r.body.code, 'DATABASE.UNAVAILABLE');
    assert.ok(Number(r.headers['retry-after']) >= 1);
  }
  assert.ok(elapsed < LET_GO_MS - 1000, `answered after ${elapsed} ms`);

  // Later requests queue behind each other as before and all succeed.
  const after = await Promise.all(Array.from({ length: 8 }, () => call(t.app, 'GET', '/v1/me', { token })));
  assert.deepEqual(
    after.map((r) => r.status),
    after.map(() => 200),
  );
});
