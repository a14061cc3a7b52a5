import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootstrapAdmin, BOOTSTRAP_ADMIN_EMAIL } from '../../src/auth/bootstrap-admin.js';
import { UnitOfWork } from '../../src/infrastructure/database/unit-of-work.js';
import { generateToken } from '../../src/infrastructure/security/opaque-token.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test('the first start creates the bootstrap admin once, with a working session', async () => {
  const uow = t.app.get(UnitOfWork);
  const created = (await Promise.all([bootstrapAdmin(uow), bootstrapAdmin(uow)])).filter((s) => s !== undefined);
  assert.equal(created.length, 1, 'exactly one of two concurrent bootstraps creates the admin');
  const [session] = created;
  assert.ok(session);
  assert.equal(session.user.email, BOOTSTRAP_ADMIN_EMAIL);
  const me = await call(t.app, 'GET', '/v1/me', { token: session.access_token });
  assert.equal(me.status, 200);
  assert.equal(me.body.is_admin, true);
  assert.equal(await bootstrapAdmin(uow), undefined);
  const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = 'admin@localhost'`);
  assert.equal(count, 1);
});

test('GET /v1/me answers the user for Bearer and for Basic base64(token:)', async () => {
  const user = await t.user('me@example.com', { name: 'Me Myself' });
  const expected = { id: user.id, name: 'Me Myself', email: 'me@example.com', is_admin: false };
  assert.deepEqual((await call(t.app, 'GET', '/v1/me', { token: user.token })).body, expected);
  const basic = Buffer.from(`${user.token}:`).toString('base64');
  const res = await call(t.app, 'GET', '/v1/me', { headers: { authorization: `Basic ${basic}` } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, expected);
});

test('tokens are stored only as SHA-256 hashes', async () => {
  const user = await t.user('hash@example.com');
  const rows: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM sessions WHERE user_id = $1', [user.id]);
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0].token_hash, user.token);
  assert.match(rows[0].token_hash, /^[0-9a-f]{64}$/);
  const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM sessions'));
  assert.equal(dump.includes(user.token), false);
});

test('no, malformed, mistyped, unknown or expired tokens get 401 with WWW-Authenticate', async () => {
  const user = await t.user('expired@example.com');
  await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
  const valid = (await t.user('typo@example.com')).token;
  const mistyped = valid.slice(0, -8) + (valid.at(-8) === 'a' ? 'b' : 'a') + valid.slice(-7);
  const cases: Record<string, string | undefined> = {
    none: undefined,
    garbage: 'Bearer nope',
    scheme: `Token ${valid}`,
    mistyped: `Bearer ${mistyped}`,
    unknown: `Bearer ${generateToken('session')}`,
    expired: `Bearer ${user.token}`,
    basicWithoutToken: `Basic ${Buffer.from(':').toString('base64')}`,
    basicWithPassword: `Basic ${Buffer.from(`${valid}:secret`).toString('base64')}`,
    bearerWithTrailer: `Bearer ${valid} garbage`,
    bearerWithTwoTokens: `Bearer ${valid} ${valid}`,
    basicWithTrailer: `Basic ${Buffer.from(`${valid}:`).toString('base64')} garbage`,
  };
  // The same token alone is accepted, so each 401 below is the header's shape, not the token.
  assert.equal((await call(t.app, 'GET', '/v1/me', { headers: { authorization: `Bearer ${valid}` } })).status, 200);
  assert.equal(
    (await call(t.app, 'GET', '/v1/me', { headers: { authorization: `Basic ${Buffer.from(`${valid}:`).toString('base64')}` } })).status,
    200,
  );
  for (const [name, authorization] of Object.entries(cases)) {
    const res = await call(t.app, 'GET', '/v1/me', { headers: authorization ? { authorization } : {} });
    assert.equal(res.status, 401, name);
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="entropy"', name);
    assert.equal(typeof res.body.message, 'string');
  }
});

test('POST /v1/auth/logout revokes the calling session at once, and only that one', async () => {
  const user = await t.user('logout@example.com');
  const other = await t.user('stays@example.com');
  assert.equal((await call(t.app, 'POST', '/v1/auth/logout', { token: user.token })).status, 204);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: user.token })).status, 401);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: other.token })).status, 200);
  assert.equal((await call(t.app, 'POST', '/v1/auth/logout', { token: user.token })).status, 401);
});

test('creating a user writes user.signed_up to the event log, as a user event', async () => {
  const user = await t.user('signup@example.com');
  const rows = await t.dataSource.query(
    `SELECT type, organization_id, data, actor FROM events WHERE aggregate_type = 'User' AND aggregate_id = $1`,
    [String(user.id)],
  );
  assert.deepEqual(rows, [
    {
      type: 'tech.entropy.user.signed_up',
      organization_id: null,
      data: { user_id: user.id, via: 'cli' },
      actor: { type: 'system', id: 'cli' },
    },
  ]);
  assert.equal(JSON.stringify(rows).includes('ent_s_'), false);
});
