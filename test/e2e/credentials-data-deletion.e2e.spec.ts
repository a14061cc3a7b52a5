import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FacebookRevocationQueue } from '../../src/credentials/revocation/facebook-revocation.queue.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, createOrganization, type Sent } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const REDIRECT = 'http://app.test/facebook/callback';
const SCOPES = ['public_profile', 'pages_show_list'];
/** The person who asks Facebook to have their data deleted. */
const HEDY = { id: '31415926535897', name: 'Hedy Lamarr', email: 'hedy.lamarr@example.com' };
/** Someone else, whose data must stay. */
const EMMY = { id: '27182818284590', name: 'Emmy Noether', email: 'emmy.noether@example.com' };

let fb: FakeFacebook;
let t: TestApp;
let owner: { id: number; token: string };

function form(fields: Record<string, string>) {
  return { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

const createOrg = (token: string, name: string) => createOrganization(t.app, token, { name });

async function link(organizationId: string, token: string, userId: string, headers: Record<string, string> = {}): Promise<Sent> {
  const started = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials/authorize`, { token });
  assert.equal(started.status, 201, started.text);
  const code = fb.issueCode({ userId, redirectUri: REDIRECT, scopes: SCOPES });
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials`, {
    token,
    headers,
    body: { code, state: started.body.state },
  });
  assert.equal(res.status, 201, res.text);
  return res;
}

/** The whole Facebook sign-in of one browser (its login cookie kept), as JSON. */
async function signInWithFacebook(userId: string): Promise<{ id: number; token: string }> {
  const started = await call(t.app, 'GET', '/v1/auth/facebook');
  assert.equal(started.status, 302, started.text);
  const cookie = String([started.headers['set-cookie']].flat().find((c) => String(c).startsWith('entropy_login='))).split(';')[0];
  fb.setDialogUser(userId);
  const back = new URL((await fetch(String(started.headers.location), { redirect: 'manual' })).headers.get('location')!);
  const res = await call(t.app, 'GET', `${back.pathname}${back.search}`, { headers: { accept: 'application/json', cookie } });
  assert.equal(res.status, 200, res.text);
  return { id: res.body.user.id, token: res.body.access_token };
}

/** Every row of these tables as text. */
async function dump(...tables: string[]): Promise<string> {
  let text = '';
  for (const table of tables) {
    const [row] = await t.dataSource.query(`SELECT coalesce(string_agg(row_to_json(x)::text, E'\\n'), '') AS text FROM "${table}" x`);
    text += `${row.text}\n`;
  }
  return text;
}

before(async () => {
  fb = await startFakeFacebook();
  for (const user of [HEDY, EMMY]) fb.addUser(user);
  t = await startTestApp({ ...fb.env(), FACEBOOK_LINK_REDIRECT_URI: REDIRECT });
  owner = await t.user('owner@example.com');
});
after(async () => {
  await t?.app.get(FacebookRevocationQueue).settled();
  await t?.close();
  await fb?.close();
});

describe('POST /v1/facebook/data-deletion', () => {
  let shared: string;
  let hedy: { id: number; token: string };
  let hedysOwn: string;
  let emmysCredential: number;

  before(async () => {
    // Hedy is invited by email (MemberAdded carries it), then signs in with Facebook, which activates the invitation.
    shared = await createOrg(owner.token, 'Shared Workspace');
    const invited = await call(t.app, 'POST', `/v1/organizations/${shared}/members`, {
      token: owner.token,
      body: { email: HEDY.email, role: 'member' },
    });
    assert.equal(invited.status, 201, invited.text);
    hedy = await signInWithFacebook(HEDY.id);
    hedysOwn = await createOrg(hedy.token, 'Second Workspace');
    // Her Facebook account linked in two organizations (one with an Idempotency-Key, whose answer is kept), re-linked, unlinked.
    const linked = await link(shared, owner.token, HEDY.id, { 'idempotency-key': 'link-hedy-once' });
    const relinkState = await call(t.app, 'POST', `/v1/organizations/${shared}/credentials/authorize`, {
      token: owner.token,
      body: { credential_id: linked.body.id },
    });
    const relinked = await call(t.app, 'PUT', `/v1/organizations/${shared}/credentials/${linked.body.id}`, {
      token: owner.token,
      body: { code: fb.issueCode({ userId: HEDY.id, redirectUri: REDIRECT, scopes: SCOPES }), state: relinkState.body.state },
    });
    assert.equal(relinked.status, 200, relinked.text);
    const own = await link(hedysOwn, hedy.token, HEDY.id);
    assert.equal(
      (await call(t.app, 'DELETE', `/v1/organizations/${hedysOwn}/credentials/${own.body.id}`, { token: hedy.token })).status,
      200,
    );
    await link(hedysOwn, hedy.token, HEDY.id);
    emmysCredential = (await link(shared, owner.token, EMMY.id)).body.id;
    const before = await dump('users', 'credentials', 'events', 'memberships', 'idempotency_keys');
    for (const trace of [HEDY.id, HEDY.name, HEDY.email]) assert.ok(before.includes(trace), `the setup stored ${trace}`);
  });

  test('a stale, future or malformed signed_request is 400 and erases nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const requests = [
      fb.signedRequest({ user_id: HEDY.id, issued_at: now - 24 * 3600 - 60 }),
      fb.signedRequest({ user_id: HEDY.id, issued_at: now + 3600 }),
      fb.signedRequest({ user_id: HEDY.id, issued_at: undefined }),
      fb.signedRequest({ user_id: Number(HEDY.id) + 0.5, issued_at: now }),
    ];
    for (const signedRequest of requests) {
      for (const path of ['/v1/facebook/data-deletion', '/v1/facebook/deauthorize']) {
        const res = await call(t.app, 'POST', path, form({ signed_request: signedRequest }));
        assert.equal(res.status, 400, `${path}: ${res.text}`);
        assert.equal(res.body.code, 'FACEBOOK.INVALID_SIGNED_REQUEST');
      }
    }
    assert.equal(
      (await t.dataSource.query(`SELECT 1 FROM credentials WHERE facebook_user_id = $1 AND status = 'active'`, [HEDY.id])).length,
      2,
    );
    assert.equal((await t.dataSource.query('SELECT 1 FROM facebook_data_deletions')).length, 0);
  });

  test('erases the id, name and email from users, credentials, stored events and kept answers; the user is anonymized (user.anonymized), memberships kept', async () => {
    const eventsBefore: number = (await t.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n;
    const res = await call(t.app, 'POST', '/v1/facebook/data-deletion', form({ signed_request: fb.signedRequest({ user_id: HEDY.id }) }));
    assert.equal(res.status, 200, res.text);

    const text = (
      await dump(
        'users',
        'credentials',
        'events',
        'memberships',
        'idempotency_keys',
        'sessions',
        'facebook_revocations',
        'facebook_data_deletions',
        'oauth_states',
      )
    ).toLowerCase();
    for (const trace of [HEDY.id, HEDY.name, HEDY.email])
      assert.equal(text.includes(trace.toLowerCase()), false, `${trace} is still stored`);

    const [user] = await t.dataSource.query('SELECT id, name, email, facebook_user_id FROM users WHERE id = $1', [hedy.id]);
    assert.deepEqual(user, { id: hedy.id, name: 'Deleted user', email: null, facebook_user_id: null });
    const memberships = await t.dataSource.query('SELECT organization_id, role, status FROM memberships WHERE user_id = $1 ORDER BY role', [
      hedy.id,
    ]);
    assert.deepEqual(memberships, [
      { organization_id: shared, role: 'member', status: 'active' },
      { organization_id: hedysOwn, role: 'owner', status: 'active' },
    ]);
    const sessions = await t.dataSource.query('SELECT revoked_at FROM sessions WHERE user_id = $1', [hedy.id]);
    assert.ok(sessions.length > 0 && sessions.every((s: { revoked_at: Date | null }) => s.revoked_at !== null));
    assert.equal((await call(t.app, 'GET', '/v1/me', { token: hedy.token })).status, 401);

    // The history stays, without her: events are scrubbed, not deleted; the revocations announce no account.
    const events: { type: string; organization_id: string | null; aggregate_id: string; data: Record<string, unknown>; actor: unknown }[] =
      await t.dataSource.query(`SELECT type, organization_id, aggregate_id, data, actor FROM events ORDER BY insert_order`);
    assert.equal(events.length, eventsBefore + 3);
    const revoked = events.filter((e) => e.type === 'tech.entropy.credential.revoked');
    assert.deepEqual(
      revoked.map((e) => e.data.facebook_user_id),
      [null, null],
    );
    assert.deepEqual(
      revoked.map((e) => e.data.reason),
      ['data_deletion', 'data_deletion'],
    );
    assert.deepEqual(
      revoked.map((e) => e.actor),
      [
        { type: 'system', id: 'facebook' },
        { type: 'system', id: 'facebook' },
      ],
    );
    const scrubbed = events.filter((e) => e.type === 'tech.entropy.credential.linked' && e.data.facebook_user_id === null);
    assert.ok(scrubbed.length > 0 && scrubbed.every((e) => e.data.name === null));
    assert.ok(events.filter((e) => e.type === 'tech.entropy.member.added').every((e) => !('email' in e.data)));
    const anonymized = events.filter((e) => e.type === 'tech.entropy.user.anonymized');
    assert.deepEqual(
      anonymized.map((e) => [e.organization_id, e.aggregate_id, e.data]),
      [[null, String(hedy.id), { user_id: hedy.id, reason: 'data_deletion' }]],
    );

    // Nobody else's data is touched.
    assert.ok(
      events.some((e) => e.type === 'tech.entropy.credential.linked' && e.data.facebook_user_id === EMMY.id && e.data.name === EMMY.name),
    );
    const [emmy] = await t.dataSource.query('SELECT name, facebook_user_id, status FROM credentials WHERE id = $1', [emmysCredential]);
    assert.deepEqual(emmy, { name: EMMY.name, facebook_user_id: EMMY.id, status: 'active' });
    assert.equal((await call(t.app, 'GET', '/v1/me', { token: owner.token })).status, 200);
  });

  test('the same person signing in with Facebook afterwards is a new user', async () => {
    const again = await signInWithFacebook(HEDY.id);
    assert.notEqual(again.id, hedy.id);
    const [user] = await t.dataSource.query('SELECT name, email FROM users WHERE id = $1', [again.id]);
    assert.deepEqual(user, { name: HEDY.name, email: HEDY.email });
  });
});
