import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DELETED_USER_NAME, UserAnonymizer } from '../../src/auth/user-anonymizer.js';
import { UnitOfWork } from '../../src/infrastructure/database/unit-of-work.js';
import { FACEBOOK } from '../../src/infrastructure/events/actor.js';
import { scrubEventData } from '../../src/infrastructure/events/event-scrub.js';
import { call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The seams of a Facebook data deletion: each module erases its own tables inside the caller's
// transaction (auth: users and sessions; organizations: memberships; infrastructure: events and
// kept answers), so the whole erasure commits, with its event, or not at all.

let t: TestApp;
let ada: { id: number; token: string };
let bob: { id: number; token: string };
let organizationId: string;
const ADA_FACEBOOK_ID = '1010101010';

class Rollback extends Error {}

async function state() {
  const [user] = await t.dataSource.query('SELECT name, email, facebook_user_id FROM users WHERE id = $1', [ada.id]);
  const [membership] = await t.dataSource.query('SELECT email FROM memberships WHERE user_id = $1', [ada.id]);
  const [{ open }] = await t.dataSource.query('SELECT count(*)::int AS open FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [
    ada.id,
  ]);
  const answers = await t.dataSource.query('SELECT key FROM idempotency_keys ORDER BY key');
  const [{ events }] = await t.dataSource.query(`SELECT count(*)::int AS events FROM events WHERE type = 'tech.entropy.user.anonymized'`);
  return { user, membershipEmail: membership.email, openSessions: open, answers: answers.map((a: { key: string }) => a.key), events };
}

before(async () => {
  t = await startTestApp();
  ada = await t.user('ada@example.com', { name: 'Ada' });
  bob = await t.user('bob@example.com', { name: 'Bob' });
  organizationId = await createOrganization(t.app, ada.token, { name: 'Analytical Engines' });
  // As after a sign-in with Facebook and an invitation accepted by email.
  await t.dataSource.query('UPDATE users SET facebook_user_id = $2 WHERE id = $1', [ada.id, ADA_FACEBOOK_ID]);
  await t.dataSource.query('UPDATE memberships SET email = $2 WHERE user_id = $1', [ada.id, 'ada@example.com']);
  for (const [key, body] of [
    ['ada', '{"email":"ada@example.com"}'],
    ['bob', '{"email":"bob@example.com"}'],
  ]) {
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_body) VALUES ($1, $2, $1, 201, $3)`,
      ['0'.repeat(64), key, body],
    );
  }
});
after(async () => {
  await t?.close();
});

test('UserAnonymizer: a rolled-back erasure changes nothing and records no event', async () => {
  const before = await state();
  await assert.rejects(
    t.app.get(UnitOfWork).run(
      async (tx) => {
        assert.equal(await t.app.get(UserAnonymizer).anonymizeFacebookUser(tx, ADA_FACEBOOK_ID), 1);
        throw new Rollback();
      },
      { actor: FACEBOOK },
    ),
    Rollback,
  );
  assert.deepEqual(await state(), before);
  assert.equal(before.openSessions, 1);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: ada.token })).status, 200);
});

test('UserAnonymizer: a committed erasure anonymizes the user, revokes their sessions, clears their membership email and kept answers, with UserAnonymized', async () => {
  const count = await t.app
    .get(UnitOfWork)
    .run((tx) => t.app.get(UserAnonymizer).anonymizeFacebookUser(tx, ADA_FACEBOOK_ID), { actor: FACEBOOK });
  assert.equal(count, 1);
  assert.deepEqual(await state(), {
    user: { name: DELETED_USER_NAME, email: null, facebook_user_id: null },
    membershipEmail: null,
    openSessions: 0,
    answers: ['bob'],
    events: 1,
  });
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: ada.token })).status, 401);
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: bob.token })).status, 200);
  const [membership] = await t.dataSource.query('SELECT role, status FROM memberships WHERE user_id = $1 AND organization_id = $2', [
    ada.id,
    organizationId,
  ]);
  assert.deepEqual(membership, { role: 'owner', status: 'active' });
});

test('UserAnonymizer: an account nobody signed in with erases nothing', async () => {
  assert.equal(await t.app.get(UnitOfWork).run((tx) => t.app.get(UserAnonymizer).anonymizeFacebookUser(tx, '999')), 0);
});

test('scrubEventData nulls the named fields of matching events only, and adds none an event lacks', async () => {
  const rows: [string, object][] = [
    ['a', { facebook_user_id: '42', name: 'Someone', reason: 'x' }],
    ['b', { facebook_user_id: '42', reason: 'y' }],
    ['c', { facebook_user_id: '43', name: 'Other' }],
  ];
  for (const [aggregateId, data] of rows) {
    await t.dataSource.query(
      `INSERT INTO events (id, type, aggregate_type, aggregate_id, data, data_version) VALUES (gen_random_uuid(), 'tech.entropy.test.scrubbed', 'Test', $1, $2, 1)`,
      [aggregateId, JSON.stringify(data)],
    );
  }
  await scrubEventData(t.dataSource, 'Test', { field: 'facebook_user_id', value: '42' }, ['facebook_user_id', 'name']);
  const data = await t.dataSource.query(`SELECT aggregate_id, data FROM events WHERE aggregate_type = 'Test' ORDER BY aggregate_id`);
  assert.deepEqual(data, [
    { aggregate_id: 'a', data: { facebook_user_id: null, name: null, reason: 'x' } },
    { aggregate_id: 'b', data: { facebook_user_id: null, reason: 'y' } },
    { aggregate_id: 'c', data: { facebook_user_id: '43', name: 'Other' } },
  ]);
});
