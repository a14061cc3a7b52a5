import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import pg from 'pg';
import { FacebookGraphOptions } from '../../src/credentials/facebook/facebook-graph.client.js';
import { FacebookRevocationQueue } from '../../src/credentials/revocation/facebook-revocation.queue.js';
import { SecretBox } from '../../src/infrastructure/security/secret-box.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { allPages, call, createOrganization } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

const REDIRECT = 'http://app.test/facebook/callback';
const SCOPES = ['public_profile', 'pages_show_list'];
const ADA = { id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: '10000000002', name: 'Grace Hopper', email: 'grace@example.com' };
const ALAN = { id: '10000000003', name: 'Alan Turing' };
const KATHERINE = { id: '10000000004', name: 'Katherine Johnson' };
// Short enough to test timeouts quickly, long enough for a loaded 2-core machine to answer in time.
const TIMEOUT_MS = 1000;

let fb: FakeFacebook;
let t: TestApp;
let owner: { id: number; token: string };
let admin: { id: number; token: string };
let member: { id: number; token: string };
let outsider: { id: number; token: string };
let org: string;
let otherOrg: string;

const createOrg = (token: string, name: string) => createOrganization(t.app, token, { name });

async function addMember(organizationId: string, userId: number, role: string) {
  await t.dataSource.query(
    `INSERT INTO memberships (organization_id, user_id, role, status, joined_at) VALUES ($1, $2, $3, 'active', now())`,
    [organizationId, userId, role],
  );
}

async function orgToken(
  organizationId: string,
  permissions: { read_enabled?: boolean; write_enabled?: boolean; delete_enabled?: boolean },
) {
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/authorization_tokens`, {
    token: owner.token,
    body: permissions,
  });
  assert.equal(res.status, 201, res.text);
  return res.body.token as string;
}

async function startAuthorization(organizationId: string, token = owner.token, credentialId?: number): Promise<string> {
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials/authorize`, {
    token,
    body: credentialId === undefined ? {} : { credential_id: credentialId },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.state;
}

const codeFor = (userId: string, redirectUri = REDIRECT) => fb.issueCode({ userId, redirectUri, scopes: SCOPES });

async function link(organizationId: string, userId: string, token = owner.token) {
  const state = await startAuthorization(organizationId);
  return call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials`, { token, body: { code: codeFor(userId), state } });
}

async function counts() {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM credentials) AS credentials,
            (SELECT count(*)::int FROM events WHERE type IN ('tech.entropy.credential.linked', 'tech.entropy.credential.relinked')) AS events`,
  );
  return row as { credentials: number; events: number };
}

/** Runs a request that must fail and checks it stored nothing: no credential row, no link event. */
async function failsStoringNothing(request: () => Promise<{ status: number; body: any; text: string }>, status: number, code: string) {
  const before = await counts();
  const res = await request();
  assert.equal(res.status, status, res.text);
  assert.equal(res.body.code, code, res.text);
  assert.equal(res.body.statusCode, status);
  assert.equal(typeof res.body.message, 'string');
  assert.deepEqual(await counts(), before);
  return res;
}

async function sealedToken(credentialId: number): Promise<string> {
  const [row] = await t.dataSource.query('SELECT encrypted_token FROM credentials WHERE id = $1', [credentialId]);
  return row.encrypted_token;
}

before(async () => {
  fb = await startFakeFacebook();
  for (const user of [ADA, GRACE, ALAN, KATHERINE]) fb.addUser(user);
  t = await startTestApp({ ...fb.env(), FACEBOOK_LINK_REDIRECT_URI: REDIRECT });
  t.app.get(FacebookGraphOptions).timeoutMs = TIMEOUT_MS;
  owner = await t.user('owner@example.com');
  admin = await t.user('admin@example.com');
  member = await t.user('member@example.com');
  outsider = await t.user('outsider@example.com');
  org = await createOrg(owner.token, 'Linking Org');
  otherOrg = await createOrg(owner.token, 'Other Org');
  await addMember(org, admin.id, 'admin');
  await addMember(org, member.id, 'member');
});
after(async () => {
  await t?.close();
  await fb?.close();
});
beforeEach(async () => {
  // Revocations run in the background after an unlink: let them land before the calls are forgotten.
  await t.app.get(FacebookRevocationQueue).settled();
  fb.reset();
});

describe('the whole happy path', () => {
  test('authorize -> Facebook dialog -> link -> list -> get -> re-link -> unlink', async () => {
    // 1. authorize: the dialog URL Facebook expects.
    const started = await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: admin.token });
    assert.equal(started.status, 201, started.text);
    assert.deepEqual(Object.keys(started.body).sort(), ['authorization_url', 'expires_at', 'state']);
    const dialog = new URL(started.body.authorization_url);
    assert.equal(`${dialog.origin}${dialog.pathname}`, fb.dialogUrl);
    assert.equal(dialog.searchParams.get('client_id'), fb.appId);
    assert.equal(dialog.searchParams.get('redirect_uri'), REDIRECT);
    assert.equal(dialog.searchParams.get('state'), started.body.state);
    assert.equal(dialog.searchParams.get('scope'), 'public_profile,pages_show_list');
    assert.equal(dialog.searchParams.get('response_type'), 'code');
    const ttl = new Date(started.body.expires_at).getTime() - Date.now();
    assert.ok(ttl > 590_000 && ttl <= 600_000, `state lives 10 minutes, got ${ttl} ms`);

    // 2. the person goes through the (fake) dialog, which redirects back with code and state.
    dialog.searchParams.set('fake_user', ADA.id);
    const redirect = await fetch(dialog, { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    const back = new URL(redirect.headers.get('location')!);
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT);

    // 3. link.
    const linked = await call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
      token: admin.token,
      body: { code: back.searchParams.get('code'), state: back.searchParams.get('state') },
    });
    assert.equal(linked.status, 201, linked.text);
    assert.deepEqual(Object.keys(linked.body).sort(), [
      'created_at',
      'expires_at',
      'facebook_user_id',
      'id',
      'name',
      'scopes',
      'status',
      'updated_at',
    ]);
    assert.equal(typeof linked.body.id, 'number');
    assert.equal(linked.body.name, ADA.name);
    assert.equal(linked.body.facebook_user_id, ADA.id);
    assert.equal(linked.body.status, 'active');
    assert.deepEqual(linked.body.scopes, SCOPES);
    const lifetime = new Date(linked.body.expires_at).getTime() - Date.now();
    assert.ok(lifetime > 59 * 24 * 3600_000, `a long-lived token (about 60 days), got ${lifetime} ms`);
    const id: number = linked.body.id;

    // Facebook was used as documented: code exchanged with the same redirect_uri, then traded for a
    // long-lived token, checked with debug_token (app token), /me read with appsecret_proof.
    const paths = fb.calls.map((c) => `${c.method} ${c.path.replace(/^\/v\d+\.\d+/, '')}`);
    assert.deepEqual(paths, ['GET /dialog/oauth', 'POST /oauth/access_token', 'POST /oauth/access_token', 'GET /debug_token', 'GET /me']);
    const [, exchange, extend, debug, me] = fb.calls;
    assert.equal(exchange.body.redirect_uri, REDIRECT);
    assert.equal(extend.body.grant_type, 'fb_exchange_token');
    assert.equal(debug.headers.authorization, `Bearer ${fb.appId}|${fb.appSecret}`);
    const longLived = me.headers.authorization.replace(/^Bearer /, '');
    assert.notEqual(longLived, extend.body.fb_exchange_token);
    assert.equal(me.query.appsecret_proof, createHmac('sha256', fb.appSecret).update(longLived).digest('hex'));
    assert.equal(me.query.fields, 'id,name');
    assert.ok(
      fb.calls.every((c) => !('client_secret' in c.query) && !('access_token' in c.query)),
      'no secret in a URL',
    );

    // The stored token is the long-lived one, encrypted and bound to the row.
    const sealed = await sealedToken(id);
    assert.match(sealed, /^v1\./);
    assert.equal(t.app.get(SecretBox).decrypt(sealed, `credential:${id}`), longLived);

    // 4. list and get, for any member.
    const list = await call(t.app, 'GET', `/v1/organizations/${org}/credentials`, { token: member.token });
    assert.equal(list.status, 200);
    assert.equal(list.headers['x-total-count'], '1');
    assert.deepEqual(list.body, [linked.body]);
    const one = await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${id}`, { token: member.token });
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, linked.body);

    // 5. re-link with a fresh authorization for this credential.
    fb.addUser({ ...ADA, name: 'Ada King' });
    const relinkState = await startAuthorization(org, owner.token, id);
    const relinked = await call(t.app, 'PUT', `/v1/organizations/${org}/credentials/${id}`, {
      token: owner.token,
      body: { code: codeFor(ADA.id), state: relinkState },
    });
    assert.equal(relinked.status, 200, relinked.text);
    assert.equal(relinked.body.id, id);
    assert.equal(relinked.body.name, 'Ada King');
    assert.equal(relinked.body.status, 'active');
    assert.ok(new Date(relinked.body.updated_at) > new Date(linked.body.updated_at));
    assert.notEqual(await sealedToken(id), sealed);
    fb.addUser(ADA);

    // 6. unlink.
    const unlinked = await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${id}`, { token: owner.token });
    assert.equal(unlinked.status, 200, unlinked.text);
    assert.equal(unlinked.body.id, id);
    assert.equal(unlinked.body.name, 'Ada King');
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${id}`, { token: owner.token })).status, 404);

    const events: { type: string; organization_id: string; subject: string; data: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT type, organization_id, subject, data FROM events WHERE aggregate_type = 'Credential' AND aggregate_id = $1 ORDER BY insert_order`,
      [String(id)],
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['tech.entropy.credential.linked', 'tech.entropy.credential.relinked', 'tech.entropy.credential.unlinked'],
    );
    assert.ok(events.every((e) => e.organization_id === org && e.subject === `credentials/${id}`));
    assert.equal(events[0].data.credential_id, id);
    assert.equal(events[0].data.facebook_user_id, ADA.id);
    assert.equal(events[1].data.name, 'Ada King');
    assert.deepEqual(events[2].data, { credential_id: id, facebook_user_id: ADA.id, reason: 'unlinked' });
    for (const event of events) assert.equal(JSON.stringify(event.data).includes('EAA'), false, 'no token in an event');
  });

  test('a token that comes back long-lived already is not exchanged again', async () => {
    const longLived = fb.issueToken({ userId: KATHERINE.id, scopes: SCOPES, longLived: true });
    fb.failNext({
      path: '/oauth/access_token',
      status: 200,
      body: { access_token: longLived, token_type: 'bearer', expires_in: 5_183_944 },
    });
    const res = await link(org, KATHERINE.id);
    assert.equal(res.status, 201, res.text);
    assert.equal(fb.calls.filter((c) => c.body.grant_type === 'fb_exchange_token').length, 0);
    assert.equal(t.app.get(SecretBox).decrypt(await sealedToken(res.body.id), `credential:${res.body.id}`), longLived);
    await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${res.body.id}`, { token: owner.token });
  });

  test('lists are paged with Link and X-Total-Count', async () => {
    const paged = await createOrg(owner.token, 'Paged Org');
    for (const user of [ADA, GRACE, ALAN]) assert.equal((await link(paged, user.id)).status, 201);
    const pages = await allPages(t.app, `/v1/organizations/${paged}/credentials?per=2`, owner.token);
    assert.deepEqual(
      pages.map((p) => p.body.length),
      [2, 1],
    );
    assert.ok(pages.every((p) => p.headers['x-total-count'] === '3'));
    assert.deepEqual(
      pages.flatMap((p) => p.body.map((c: { name: string }) => c.name)),
      [ADA.name, GRACE.name, ALAN.name],
    );
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${paged}/credentials?cursor=bogus`, { token: owner.token })).status, 400);
  });
});

describe('every failure stores nothing', () => {
  test("a reused authorization code: 400 with Facebook's message", async () => {
    const code = codeFor(GRACE.id);
    const first = await call(t.app, 'POST', `/v1/organizations/${otherOrg}/credentials`, {
      token: owner.token,
      body: { code, state: await startAuthorization(otherOrg) },
    });
    assert.equal(first.status, 201, first.text);
    const state = await startAuthorization(org);
    const res = await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code, state } }),
      400,
      'FACEBOOK.REJECTED',
    );
    assert.match(res.body.message, /This authorization code has been used/);
  });

  test("a code issued for another redirect_uri: 400 with Facebook's message", async () => {
    const state = await startAuthorization(org);
    const res = await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
          token: owner.token,
          body: { code: codeFor(ALAN.id, 'http://evil.test/cb'), state },
        }),
      400,
      'FACEBOOK.REJECTED',
    );
    assert.match(res.body.message, /redirect_uri/);
  });

  test('debug_token says the token belongs to another app: 400', async () => {
    const state = await startAuthorization(org);
    fb.failNext({
      path: '/debug_token',
      status: 200,
      body: {
        data: {
          app_id: '999999',
          type: 'USER',
          application: 'Someone else',
          is_valid: true,
          scopes: SCOPES,
          user_id: ALAN.id,
          expires_at: 0,
        },
      },
    });
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      400,
      'FACEBOOK.WRONG_APP',
    );
    assert.equal(
      fb.calls.some((c) => c.path.endsWith('/me')),
      false,
    );
  });

  test('Facebook answering 5xx: 502', async () => {
    for (const path of ['/oauth/access_token', '/debug_token', '/me']) {
      fb.failNext({ path, status: path === '/me' ? 503 : 500 });
      const state = await startAuthorization(org);
      await failsStoringNothing(
        () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
        502,
        'FACEBOOK.UNAVAILABLE',
      );
    }
    fb.failNext({ path: '/oauth/access_token', status: 502, body: '<html>Bad gateway</html>' });
    const state = await startAuthorization(org);
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      502,
      'FACEBOOK.UNAVAILABLE',
    );
  });

  test('Facebook slower than the timeout: 502, answered within the bound', async () => {
    fb.delayNext({ path: '/oauth/access_token', ms: TIMEOUT_MS * 5 });
    const state = await startAuthorization(org);
    const started = Date.now();
    const res = await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      502,
      'FACEBOOK.UNAVAILABLE',
    );
    assert.ok(Date.now() - started < TIMEOUT_MS * 4, `answered after ${Date.now() - started} ms`);
    assert.match(res.body.message, new RegExp(`${TIMEOUT_MS} ms`));
  });

  test('a state of another organization: 400, and Facebook is not even asked', async () => {
    const state = await startAuthorization(otherOrg);
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      400,
      'OAUTH.INVALID_STATE',
    );
    assert.equal(fb.calls.length, 0);
  });

  test('a state used twice: 400 the second time', async () => {
    const state = await startAuthorization(otherOrg);
    const first = await call(t.app, 'POST', `/v1/organizations/${otherOrg}/credentials`, {
      token: owner.token,
      body: { code: codeFor(ALAN.id), state },
    });
    assert.equal(first.status, 201, first.text);
    const res = await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${otherOrg}/credentials`, {
          token: owner.token,
          body: { code: codeFor(KATHERINE.id), state },
        }),
      400,
      'OAUTH.INVALID_STATE',
    );
    assert.match(res.body.message, /already used/);
  });

  test('an expired, unknown or missing state: 400', async () => {
    const state = await startAuthorization(org);
    await t.dataSource.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const expired = await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      400,
      'OAUTH.INVALID_STATE',
    );
    assert.match(expired.body.message, /expired/);
    await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
          token: owner.token,
          body: { code: codeFor(ALAN.id), state: 'made-up' },
        }),
      400,
      'OAUTH.INVALID_STATE',
    );
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: owner.token, body: { code: codeFor(ALAN.id) } }),
      400,
      'VALIDATION.FAILED',
    );
    assert.equal(fb.calls.filter((c) => c.path.endsWith('/oauth/access_token')).length, 0);
  });

  test('a state issued to another user, or for re-linking, does not link', async () => {
    const adminsState = await startAuthorization(org, admin.token);
    await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
          token: owner.token,
          body: { code: codeFor(ALAN.id), state: adminsState },
        }),
      400,
      'OAUTH.INVALID_STATE',
    );
    const linked = await link(org, GRACE.id);
    assert.equal(linked.status, 201, linked.text);
    const relinkState = await startAuthorization(org, owner.token, linked.body.id);
    const res = await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
          token: owner.token,
          body: { code: codeFor(ALAN.id), state: relinkState },
        }),
      400,
      'OAUTH.INVALID_STATE',
    );
    assert.match(res.body.message, /re-link/);
    const newLinkState = await startAuthorization(org);
    await failsStoringNothing(
      () =>
        call(t.app, 'PUT', `/v1/organizations/${org}/credentials/${linked.body.id}`, {
          token: owner.token,
          body: { code: codeFor(GRACE.id), state: newLinkState },
        }),
      400,
      'OAUTH.INVALID_STATE',
    );
  });

  test('an account already linked here: 409', async () => {
    const res = await failsStoringNothing(() => link(org, GRACE.id), 409, 'CREDENTIALS.ALREADY_LINKED');
    assert.match(res.body.message, /already linked/);
  });

  test('two links of one account racing: one 201, one 409', async () => {
    const raced = await createOrg(owner.token, 'Race Org');
    const states = [await startAuthorization(raced), await startAuthorization(raced)];
    const results = await Promise.all(
      states.map((state) =>
        call(t.app, 'POST', `/v1/organizations/${raced}/credentials`, { token: owner.token, body: { code: codeFor(KATHERINE.id), state } }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409], results.map((r) => r.text).join('\n'));
    assert.equal(results.find((r) => r.status === 409)!.body.code, 'CREDENTIALS.ALREADY_LINKED');
    assert.equal((await t.dataSource.query('SELECT 1 FROM credentials WHERE organization_id = $1', [raced])).length, 1);
  });

  test('re-linking with another Facebook account: 409, the credential unchanged', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM credentials WHERE organization_id = $1 AND facebook_user_id = $2', [
      org,
      GRACE.id,
    ]);
    const sealed = await sealedToken(id);
    const state = await startAuthorization(org, owner.token, id);
    await failsStoringNothing(
      () =>
        call(t.app, 'PUT', `/v1/organizations/${org}/credentials/${id}`, { token: owner.token, body: { code: codeFor(ALAN.id), state } }),
      409,
      'CREDENTIALS.ACCOUNT_MISMATCH',
    );
    assert.equal(await sealedToken(id), sealed);
    const [row] = await t.dataSource.query('SELECT name, facebook_user_id FROM credentials WHERE id = $1', [id]);
    assert.deepEqual(row, { name: GRACE.name, facebook_user_id: GRACE.id });
  });
});

describe('Facebook being unavailable does not spend the state', () => {
  test('link: 502 at the code exchange, then the retry with the same code and state links', async () => {
    const retried = await createOrg(owner.token, 'Retry Org');
    const state = await startAuthorization(retried);
    const code = codeFor(ALAN.id);
    fb.failNext({ path: '/oauth/access_token', status: 500 });
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, { token: owner.token, body: { code, state } }),
      502,
      'FACEBOOK.UNAVAILABLE',
    );
    const retry = await call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, { token: owner.token, body: { code, state } });
    assert.equal(retry.status, 201, retry.text);
    assert.equal(retry.body.facebook_user_id, ALAN.id);
    // Linked: now the state is spent for good.
    const third = await call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, { token: owner.token, body: { code, state } });
    assert.equal(third.status, 400);
    assert.match(third.body.message, /already used/);
  });

  test('link: 502 after Facebook took the code: the retry hears Facebook on the code, not "state already used"', async () => {
    const retried = await createOrg(owner.token, 'Late Failure Org');
    const state = await startAuthorization(retried);
    const code = codeFor(ALAN.id);
    fb.failNext({ path: '/me', status: 503 });
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, { token: owner.token, body: { code, state } }),
      502,
      'FACEBOOK.UNAVAILABLE',
    );
    const retry = await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, { token: owner.token, body: { code, state } }),
      400,
      'FACEBOOK.REJECTED',
    );
    assert.match(retry.body.message, /authorization code has been used/);
    // Facebook refused: that spends the state.
    const third = await call(t.app, 'POST', `/v1/organizations/${retried}/credentials`, {
      token: owner.token,
      body: { code: codeFor(ALAN.id), state },
    });
    assert.equal(third.body.code, 'OAUTH.INVALID_STATE');
  });

  test('re-link: 502 at the code exchange, then the retry re-links', async () => {
    const retried = await createOrg(owner.token, 'Relink Retry Org');
    const { body: linked } = await link(retried, KATHERINE.id);
    const state = await startAuthorization(retried, owner.token, linked.id);
    const code = codeFor(KATHERINE.id);
    fb.failNext({ path: '/oauth/access_token', status: 503 });
    const failed = await call(t.app, 'PUT', `/v1/organizations/${retried}/credentials/${linked.id}`, {
      token: owner.token,
      body: { code, state },
    });
    assert.equal(failed.status, 502, failed.text);
    const retry = await call(t.app, 'PUT', `/v1/organizations/${retried}/credentials/${linked.id}`, {
      token: owner.token,
      body: { code, state },
    });
    assert.equal(retry.status, 200, retry.text);
  });
});

describe('the organization going away', () => {
  test('linking while the organization is being deleted: 404, nothing stored (not a 500)', { skip: NEEDS_POSTGRES }, async () => {
    const doomed = await createOrg(owner.token, 'Vanishing Org');
    const state = await startAuthorization(doomed);
    const code = codeFor(ALAN.id);
    const deleter = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query('DELETE FROM organizations WHERE id = $1', [doomed]);
      const linking = call(t.app, 'POST', `/v1/organizations/${doomed}/credentials`, { token: owner.token, body: { code, state } });
      // The link reaches its transaction and waits for the deletion's row lock.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await deleter.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0].n > 0) break;
        assert.ok(Date.now() < deadline, 'the link never waited for the deletion');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await deleter.query('COMMIT');
      const res = await linking;
      assert.equal(res.status, 404, res.text);
      assert.equal(res.body.code, 'ORGANIZATIONS.NOT_FOUND');
    } finally {
      await deleter.end();
    }
    assert.equal((await t.dataSource.query('SELECT 1 FROM credentials WHERE organization_id = $1', [doomed])).length, 0);
  });
});

describe('form bodies', () => {
  test("are 415 anywhere but Facebook's two callbacks, and create nothing", async () => {
    const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
    const organizations = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM organizations'))[0].n;
    const before = await organizations();
    const res = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, headers: formHeaders, body: 'name=Form+Org' });
    assert.equal(res.status, 415, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['code', 'error', 'message', 'statusCode']);
    assert.equal(res.body.code, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    assert.equal(res.body.statusCode, 415);
    assert.equal(res.body.error, 'Unsupported Media Type');
    assert.match(res.body.message, /application\/json/);
    assert.equal(await organizations(), before);
    await failsStoringNothing(
      () =>
        call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
          token: owner.token,
          headers: formHeaders,
          body: `code=${codeFor(ALAN.id)}&state=x`,
        }),
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    );
    // The callbacks still read them (a bad signature is the handler's 400, not a 415).
    for (const path of ['/v1/facebook/deauthorize', '/v1/facebook/data-deletion']) {
      const callback = await call(t.app, 'POST', path, { headers: formHeaders, body: 'signed_request=a.b' });
      assert.equal(callback.status, 400, callback.text);
      assert.equal(callback.body.code, 'FACEBOOK.INVALID_SIGNED_REQUEST');
    }
  });
});

describe('who may do what', () => {
  test('members read but cannot link, re-link or unlink; outsiders see nothing', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM credentials WHERE organization_id = $1 AND facebook_user_id = $2', [
      org,
      GRACE.id,
    ]);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials`, { token: member.token })).status, 200);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${id}`, { token: member.token })).status, 200);
    const forbidden = [
      await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: member.token }),
      await call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: member.token, body: { code: 'x', state: 'y' } }),
      await call(t.app, 'PUT', `/v1/organizations/${org}/credentials/${id}`, { token: member.token, body: { code: 'x', state: 'y' } }),
      await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${id}`, { token: member.token }),
    ];
    for (const res of forbidden) {
      assert.equal(res.status, 403, res.text);
      assert.equal(res.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    }
    const hidden = [
      await call(t.app, 'GET', `/v1/organizations/${org}/credentials`, { token: outsider.token }),
      await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${id}`, { token: outsider.token }),
      await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: outsider.token }),
      await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${id}`, { token: outsider.token }),
    ];
    for (const res of hidden) assert.equal(res.status, 404, res.text);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials`)).status, 401);
  });

  test('ids: 400 when not an integer, 404 when not in this organization', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM credentials WHERE organization_id = $1 AND facebook_user_id = $2', [
      org,
      GRACE.id,
    ]);
    const bad = await call(t.app, 'GET', `/v1/organizations/${org}/credentials/abc`, { token: owner.token });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'VALIDATION.FAILED');
    assert.equal((await call(t.app, 'GET', `/v1/organizations/not-a-uuid/credentials`, { token: owner.token })).status, 400);
    for (const path of [
      `/v1/organizations/${otherOrg}/credentials/${id}`,
      `/v1/organizations/${org}/credentials/999999`,
      `/v1/organizations/${org}/credentials/99999999999`,
    ]) {
      const res = await call(t.app, 'GET', path, { token: owner.token });
      assert.equal(res.status, 404, path);
      assert.equal(res.body.code, 'CREDENTIALS.NOT_FOUND');
    }
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${otherOrg}/credentials/${id}`, { token: owner.token })).status, 404);
    const foreign = await call(t.app, 'POST', `/v1/organizations/${otherOrg}/credentials/authorize`, {
      token: owner.token,
      body: { credential_id: id },
    });
    assert.equal(foreign.status, 404);
    assert.equal(
      (await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: owner.token, body: { credential_id: 'x' } }))
        .status,
      400,
    );
  });

  test('authorization tokens: read lists, write links, delete unlinks, none may start the dialog, another organization is 404', async () => {
    const reader = await orgToken(org, { read_enabled: true });
    const writer = await orgToken(org, { read_enabled: true, write_enabled: true });
    const deleter = await orgToken(org, { read_enabled: true, delete_enabled: true });
    const foreign = await orgToken(otherOrg, { read_enabled: true, write_enabled: true, delete_enabled: true });

    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials`, { token: reader })).status, 200);
    const noDialog = await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: writer });
    assert.equal(noDialog.status, 403);

    const state = await startAuthorization(org);
    await failsStoringNothing(
      () => call(t.app, 'POST', `/v1/organizations/${org}/credentials`, { token: reader, body: { code: codeFor(ALAN.id), state } }),
      403,
      'TOKENS.PERMISSION_DENIED',
    );
    const linked = await call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
      token: writer,
      body: { code: codeFor(ALAN.id), state },
    });
    assert.equal(linked.status, 201, linked.text);
    const [{ data, actor }] = await t.dataSource.query(
      `SELECT data, actor FROM events WHERE type = 'tech.entropy.credential.linked' AND aggregate_id = $1`,
      [String(linked.body.id)],
    );
    assert.equal(data.linked_by.type, 'token');
    assert.deepEqual(actor, data.linked_by);

    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${linked.body.id}`, { token: foreign })).status, 404);
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${linked.body.id}`, { token: foreign })).status, 404);
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${linked.body.id}`, { token: writer })).status, 403);
    const deleted = await call(t.app, 'DELETE', `/v1/organizations/${org}/credentials/${linked.body.id}`, { token: deleter });
    assert.equal(deleted.status, 200, deleted.text);
  });

  test('the OpenAPI document lists every credential route', async () => {
    const res = await call(t.app, 'GET', '/docs-json');
    assert.equal(res.status, 200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/v1/organizations/{id}/credentials/authorize',
      '/v1/organizations/{id}/credentials',
      '/v1/organizations/{id}/credentials/{credentialId}',
      '/v1/facebook/deauthorize',
      '/v1/facebook/data-deletion',
      '/v1/facebook/data-deletion/{code}',
    ]) {
      assert.ok(paths.includes(path), path);
    }
    assert.ok(res.body.paths['/v1/organizations/{id}/credentials'].post.responses['502']);
  });
});
