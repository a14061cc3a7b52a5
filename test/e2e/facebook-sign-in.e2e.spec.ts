import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { FACEBOOK_TIMEOUT_MS } from '../../src/auth/facebook/facebook.strategy.js';
import { generateToken } from '../../src/infrastructure/security/opaque-token.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, type Sent } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CALLBACK = 'http://api.test/v1/auth/facebook/callback';
const JSON_ACCEPT = { accept: 'application/json' };
const BROWSER_ACCEPT = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

const ADA = { id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: '10000000002', name: 'Grace Hopper', email: 'grace@example.com' };
const LINUS = { id: '10000000003', name: 'Linus Torvalds', email: 'linus@example.com' };
const MARGARET = { id: '10000000004', name: 'Margaret Hamilton', email: 'margaret@example.com' };
const KATHERINE = { id: '10000000005', name: 'Katherine Johnson', email: 'katherine@example.com' };
const IMPOSTOR = { id: '10000000006', name: 'Not Ada', email: 'ada@example.com' };

let fb: FakeFacebook;
let t: TestApp;

before(async () => {
  fb = await startFakeFacebook();
  for (const user of [ADA, GRACE, LINUS, MARGARET, KATHERINE]) fb.addUser(user);
  t = await startTestApp(fb.env());
});
after(async () => {
  await t.close();
  await fb.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM (${sql}) x`, params);
  return count;
}

/** Rows whose count must not move when a sign-in fails. */
async function footprint() {
  return {
    users: await count('SELECT 1 FROM users'),
    sessions: await count('SELECT 1 FROM sessions'),
    events: await count('SELECT 1 FROM events'),
  };
}

/** A sign-in started by one browser: the dialog it is sent to and its login cookie (`name=value`). */
interface Started {
  dialog: URL;
  state: string;
  cookie: string;
}

/** Where Facebook sends that browser back, with the browser's login cookie. */
interface Back {
  url: URL;
  cookie: string;
}

/** GET /v1/auth/facebook → the dialog URL it redirects to, and the login cookie it sets. */
async function start(query = '', headers: Record<string, string> = {}): Promise<Started> {
  const res = await call(t.app, 'GET', `/v1/auth/facebook${query}`, { headers });
  assert.equal(res.status, 302, res.text);
  const dialogUrl = new URL(String(res.headers.location));
  return { dialog: dialogUrl, state: dialogUrl.searchParams.get('state')!, cookie: cookieNamed(res, 'entropy_login').split(';')[0] };
}

/** The browser at the fake dialog (real HTTP): where Facebook sends it back. */
async function dialog(started: Started, asUser?: string): Promise<Back> {
  if (asUser) fb.setDialogUser(asUser);
  const res = await fetch(started.dialog, { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  return { url: new URL(res.headers.get('location')!), cookie: started.cookie };
}

/** The browser coming back to our callback, with its login cookie (unless told otherwise). */
function callback(back: Back, headers: Record<string, string> = JSON_ACCEPT, cookie: string | null = back.cookie): Promise<Sent> {
  assert.equal(`${back.url.origin}${back.url.pathname}`, CALLBACK);
  return call(t.app, 'GET', `${back.url.pathname}${back.url.search}`, { headers: cookie === null ? headers : { ...headers, cookie } });
}

/** The callback called by hand (an API client that skips the dialog), with the login cookie of `started`. */
function callbackWith(started: Started, code: string, cookie: string | null = started.cookie): Promise<Sent> {
  return callback({ url: new URL(`${CALLBACK}?code=${code}&state=${started.state}`), cookie: started.cookie }, JSON_ACCEPT, cookie);
}

async function signIn(asUser: string, headers: Record<string, string> = JSON_ACCEPT, startQuery = ''): Promise<{ res: Sent; back: Back }> {
  const back = await dialog(await start(startQuery), asUser);
  return { res: await callback(back, headers), back };
}

const secretsOf = (back: Back) => [back.url.searchParams.get('code')!, back.url.searchParams.get('state')!, back.cookie.split('=')[1]];

function setCookies(res: Sent): string[] {
  const raw = res.headers['set-cookie'];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
}

function cookieNamed(res: Sent, name: string): string {
  const cookie = setCookies(res).find((c) => c.startsWith(`${name}=`));
  assert.ok(cookie, `Set-Cookie ${name} in ${JSON.stringify(setCookies(res))}`);
  return cookie;
}

const valueOf = (setCookie: string) => setCookie.split(';')[0].split('=').slice(1).join('=');

/** The Facebook user tokens the fake saw us use (they must never reach a client). */
function facebookTokensSeen(): string[] {
  return fb.calls.map((c) => c.query.access_token).filter((token): token is string => Boolean(token) && !token.includes('|'));
}

/** Nothing secret in a response except the session token in `access_token`. */
function assertNoSecrets(res: Sent, secrets: string[]) {
  const body = res.body && typeof res.body === 'object' ? { ...res.body, access_token: undefined } : res.body;
  const text = typeof res.body === 'object' ? JSON.stringify(body) : res.text;
  for (const secret of [...secrets, ...facebookTokensSeen()]) {
    assert.equal(text.includes(secret), false, 'a secret appears in the response body');
  }
  assert.equal(/ent_[so]_/.test(text), false, 'a token appears outside access_token');
}

describe('GET /v1/auth/facebook', () => {
  test('302 to the configured dialog with client_id, redirect_uri, state, scope and response_type=code', async () => {
    const res = await call(t.app, 'GET', '/v1/auth/facebook');
    assert.equal(res.status, 302);
    assert.equal(res.headers['cache-control'], 'no-store');
    const location = new URL(String(res.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, fb.dialogUrl);
    const params = Object.fromEntries(location.searchParams);
    assert.deepEqual(Object.keys(params).sort(), ['client_id', 'redirect_uri', 'response_type', 'scope', 'state']);
    assert.equal(params.client_id, fb.appId);
    assert.equal(params.redirect_uri, CALLBACK);
    assert.equal(params.scope, 'email,public_profile');
    assert.equal(params.response_type, 'code');
    assert.match(params.state, /^[A-Za-z0-9_-]{40,}$/);
    assert.equal(res.text, '');
    // The state is kept server side only as a hash.
    const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM oauth_states WHERE purpose = 'login'`));
    assert.equal(dump.includes(params.state), false);
  });

  test('each start issues a different state and login cookie', async () => {
    const [a, b] = [await start(), await start()];
    assert.notEqual(a.state, b.state);
    assert.notEqual(a.cookie, b.cookie);
  });

  test('sets the login cookie: HttpOnly; Secure; SameSite=Lax; Path=/v1/auth/facebook, 10 minutes; the state keeps only its hash', async () => {
    const res = await call(t.app, 'GET', '/v1/auth/facebook');
    assert.equal(res.status, 302);
    const cookie = cookieNamed(res, 'entropy_login');
    const attributes = cookie.split(/;\s*/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/v1/auth/facebook', 'Max-Age=600']) {
      assert.ok(attributes.includes(attribute), `${attribute} in ${cookie}`);
    }
    const nonce = valueOf(cookie);
    assert.match(nonce, /^[A-Za-z0-9_-]{43}$/);
    const state = new URL(String(res.headers.location)).searchParams.get('state')!;
    assert.equal(String(res.headers.location).includes(nonce), false, 'the nonce never goes to Facebook');
    const [row] = await t.dataSource.query(`SELECT binding FROM oauth_states WHERE state_hash = $1`, [
      createHash('sha256').update(state).digest('hex'),
    ]);
    assert.equal(row.binding.nonceHash, createHash('sha256').update(nonce).digest('hex'));
    const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM oauth_states`));
    assert.equal(dump.includes(nonce), false);
  });

  test('a redirect off the WEB_APP_URL origin is 400 and issues no state', async () => {
    const before = await count(`SELECT 1 FROM oauth_states`);
    for (const redirect of [
      'http://evil.test/',
      '//evil.test/x',
      'https://app.test/',
      'http://app.test.evil.test/',
      'http://app.test:8080/',
      'javascript:alert(1)',
    ]) {
      const res = await call(t.app, 'GET', `/v1/auth/facebook?redirect=${encodeURIComponent(redirect)}`);
      assert.equal(res.status, 400, redirect);
      assert.equal(res.body.code, 'VALIDATION.FAILED', redirect);
      assert.equal(typeof res.body.message, 'string');
      assert.ok(res.body.details.some((d: { field: string }) => d.field === 'redirect'));
    }
    assert.equal(await count(`SELECT 1 FROM oauth_states`), before);
  });
});

describe('GET /v1/auth/facebook/callback (JSON)', () => {
  test('full flow: 200 with a working session, the user created with UserSignedUp', async () => {
    fb.reset();
    const { res, back } = await signIn(ADA.id);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'expires_in', 'token_type', 'user']);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.expires_in, 30 * 24 * 3600);
    assert.match(res.body.access_token, /^ent_s_/);
    assert.deepEqual(Object.keys(res.body.user).sort(), ['email', 'id', 'name']);
    assert.equal(res.body.user.name, ADA.name);
    assert.equal(res.body.user.email, ADA.email);
    assert.deepEqual(
      setCookies(res).map((c) => c.split('=')[0]),
      ['entropy_login'],
      'API clients get no session cookie',
    );
    assert.match(cookieNamed(res, 'entropy_login'), /^entropy_login=;.*Max-Age=0/, 'the login cookie is cleared');
    assert.ok(cookieNamed(res, 'entropy_login').includes('Path=/v1/auth/facebook'));
    assertNoSecrets(res, secretsOf(back));

    const me = await call(t.app, 'GET', '/v1/me', { token: res.body.access_token });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, { id: res.body.user.id, name: ADA.name, email: ADA.email, is_admin: false });

    const [row] = await t.dataSource.query('SELECT facebook_user_id FROM users WHERE id = $1', [res.body.user.id]);
    assert.equal(row.facebook_user_id, ADA.id);
    const events = await t.dataSource.query(`SELECT type, data FROM events WHERE aggregate_type = 'User' AND aggregate_id = $1`, [
      String(res.body.user.id),
    ]);
    assert.deepEqual(
      events.map((e: { type: string }) => e.type),
      ['tech.entropy.user.signed_up'],
    );
    assert.equal(events[0].data.via, 'facebook');
    const outboxDump = JSON.stringify(await t.dataSource.query('SELECT data FROM events'));
    for (const secret of [res.body.access_token, ...facebookTokensSeen()]) assert.equal(outboxDump.includes(secret), false);
  });

  test('Graph calls: code exchange with the callback redirect_uri, then /me?fields=id,name,email with a valid appsecret_proof', async () => {
    fb.reset();
    const { res } = await signIn(ADA.id);
    assert.equal(res.status, 200);
    const exchange = fb.calls.find((c) => c.path.endsWith('/oauth/access_token'));
    assert.ok(exchange);
    const params = { ...exchange.query, ...exchange.body };
    assert.equal(params.redirect_uri, CALLBACK);
    assert.equal(params.client_id, fb.appId);
    const me = fb.calls.find((c) => c.path === `/${fb.version}/me`);
    assert.ok(me, JSON.stringify(fb.calls.map((c) => c.path)));
    assert.equal(me.query.fields, 'id,name,email');
    const token = me.query.access_token;
    assert.ok(token);
    assert.equal(me.query.appsecret_proof, createHmac('sha256', fb.appSecret).update(token).digest('hex'));
  });

  test('a second sign-in updates the user and emits no second UserSignedUp', async () => {
    const first = (await signIn(GRACE.id)).res;
    assert.equal(first.status, 200);
    fb.addUser({ ...GRACE, name: 'Grace Brewster Hopper', email: 'Grace.Hopper@Example.com' });
    const second = (await signIn(GRACE.id)).res;
    assert.equal(second.status, 200);
    assert.equal(second.body.user.id, first.body.user.id);
    assert.notEqual(second.body.access_token, first.body.access_token);
    assert.deepEqual(second.body.user, { id: first.body.user.id, name: 'Grace Brewster Hopper', email: 'grace.hopper@example.com' });
    const me = await call(t.app, 'GET', '/v1/me', { token: first.body.access_token });
    assert.equal(me.body.name, 'Grace Brewster Hopper');
    assert.equal(await count(`SELECT 1 FROM users WHERE facebook_user_id = $1`, [GRACE.id]), 1);
    assert.equal(
      await count(`SELECT 1 FROM events WHERE type = 'tech.entropy.user.signed_up' AND aggregate_id = $1`, [String(first.body.user.id)]),
      1,
    );
  });

  test('a new Facebook identity showing the email of an existing account (CLI) is 409 FACEBOOK.EMAIL_IN_USE, nothing changed', async () => {
    const existing = await t.user(LINUS.email, { name: 'linus' });
    const before = await footprint();
    const { res } = await signIn(LINUS.id);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'FACEBOOK.EMAIL_IN_USE');
    assert.match(res.body.message, /link=1/);
    assert.equal(JSON.stringify(res.body).includes('ent_s_'), false);
    // The same for an address Facebook shows in another case.
    fb.addUser({ ...LINUS, email: 'LINUS@Example.COM' });
    assert.equal((await signIn(LINUS.id)).res.body.code, 'FACEBOOK.EMAIL_IN_USE');
    fb.addUser(LINUS);
    const browser = (await signIn(LINUS.id, BROWSER_ACCEPT)).res;
    assert.equal(browser.status, 302);
    assert.equal(new URL(String(browser.headers.location)).searchParams.get('error'), 'FACEBOOK.EMAIL_IN_USE');
    assert.equal(
      setCookies(browser).some((c) => c.startsWith('entropy_session=')),
      false,
    );
    assert.deepEqual(await footprint(), before);
    const [row] = await t.dataSource.query('SELECT facebook_user_id, name, email FROM users WHERE id = $1', [existing.id]);
    assert.deepEqual(row, { facebook_user_id: null, name: 'linus', email: LINUS.email });
  });

  test('an email already linked to another Facebook account is 409 FACEBOOK.EMAIL_IN_USE, nothing changed', async () => {
    assert.equal((await signIn(ADA.id)).res.status, 200);
    fb.addUser(IMPOSTOR);
    const before = await footprint();
    const { res } = await signIn(IMPOSTOR.id);
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'FACEBOOK.EMAIL_IN_USE');
    assert.deepEqual(await footprint(), before);
    const [row] = await t.dataSource.query('SELECT facebook_user_id, name FROM users WHERE email = $1', [ADA.email]);
    assert.deepEqual(row, { facebook_user_id: ADA.id, name: ADA.name });
  });

  test('a platform admin is never taken over through a Facebook account showing their email: 409, nothing changed', async () => {
    const impostor = { id: '10000000008', name: 'Root Impostor', email: 'root-admin@example.com' };
    fb.addUser(impostor);
    const admin = await t.user(impostor.email, { admin: true, name: 'Root' });
    const before = await footprint();
    const { res } = await signIn(impostor.id);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'FACEBOOK.EMAIL_IN_USE');
    assert.deepEqual(await footprint(), before);
    const [row] = await t.dataSource.query('SELECT facebook_user_id, name, is_admin FROM users WHERE id = $1', [admin.id]);
    assert.deepEqual(row, { facebook_user_id: null, name: 'Root', is_admin: true });
  });

  test("a known Facebook user whose Facebook email becomes another account's keeps the stored email", async () => {
    const known = { id: '10000000009', name: 'Known Person', email: 'known-person@example.com' };
    fb.addUser(known);
    const first = (await signIn(known.id)).res;
    assert.equal(first.status, 200, first.text);
    const other = await t.user('someone-else@example.com', { name: 'Someone Else' });
    fb.addUser({ ...known, name: 'Known Renamed', email: 'Someone-Else@example.com' });
    const second = (await signIn(known.id)).res;
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(second.body.user, { id: first.body.user.id, name: 'Known Renamed', email: known.email });
    const rows = await t.dataSource.query('SELECT id, email, facebook_user_id FROM users WHERE id = ANY($1) ORDER BY id', [
      [first.body.user.id, other.id],
    ]);
    assert.deepEqual(rows, [
      { id: first.body.user.id, email: known.email, facebook_user_id: known.id },
      { id: other.id, email: 'someone-else@example.com', facebook_user_id: null },
    ]);
  });

  test('a pending membership for the email becomes active at the first sign-in', async () => {
    const owner = await t.user('org-owner@example.com');
    const org = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: { name: 'Waiting room' } });
    assert.equal(org.status, 201);
    const [{ invitation_id: invitationId }] = await t.dataSource.query(
      `INSERT INTO memberships (organization_id, email, role, status, invitation_id, expires_at)
       VALUES ($1, $2, 'admin', 'pending', gen_random_uuid(), now() + interval '1 day') RETURNING invitation_id`,
      [org.body.id, MARGARET.email],
    );
    const { res } = await signIn(MARGARET.id);
    assert.equal(res.status, 200, res.text);
    const rows = await t.dataSource.query(
      'SELECT user_id, role, status, joined_at FROM memberships WHERE organization_id = $1 AND role = $2',
      [org.body.id, 'admin'],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].user_id, res.body.user.id);
    assert.equal(rows[0].status, 'active');
    assert.ok(rows[0].joined_at);
    const activated = await t.dataSource.query(
      `SELECT data FROM events WHERE type = 'tech.entropy.member.activated' AND organization_id = $1`,
      [org.body.id],
    );
    assert.deepEqual(
      activated.map((e: { data: unknown }) => e.data),
      [{ invitation_id: invitationId, user_id: res.body.user.id, role: 'admin' }],
    );
    const visible = await call(t.app, 'GET', `/v1/organizations/${org.body.id}`, { token: res.body.access_token });
    assert.equal(visible.status, 200);
  });
});

describe('GET /v1/auth/facebook?link=1: a signed-in user attaches Facebook to their own account', () => {
  const HEDY = { id: '10000000021', name: 'Hedy Lamarr', email: 'hedy@facebook.test' };
  const ALAN = { id: '10000000022', name: 'Alan Turing', email: 'alan@facebook.test' };
  const JOAN = { id: '10000000023', name: 'Joan Clarke', email: 'joan@facebook.test' };
  const BARBARA = { id: '10000000024', name: 'Barbara Liskov', email: 'barbara@facebook.test' };
  before(() => {
    for (const user of [HEDY, ALAN, JOAN, BARBARA]) fb.addUser(user);
  });

  async function linkEvents(userId: number): Promise<Record<string, unknown>[]> {
    const rows = await t.dataSource.query(
      `SELECT data FROM events WHERE type = 'tech.entropy.user.facebook_linked' AND aggregate_type = 'User' AND aggregate_id = $1`,
      [String(userId)],
    );
    return rows.map((r: { data: Record<string, unknown> }) => r.data);
  }

  test('without a signed-in user it is 401 and issues no state; an organization token is not a signed-in user', async () => {
    const owner = await t.user('link-org-owner@example.com');
    const org = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: { name: 'Link org' } });
    const issued = await call(t.app, 'POST', `/v1/organizations/${org.body.id}/authorization_tokens`, { token: owner.token, body: {} });
    assert.equal(issued.status, 201, issued.text);
    const before = await count('SELECT 1 FROM oauth_states');
    const callers: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${generateToken('session')}` },
      { authorization: `Bearer ${issued.body.token}` },
      { cookie: `entropy_session=${generateToken('session')}` },
      { authorization: `Bearer ${owner.token} trailing` },
    ];
    for (const headers of callers) {
      const res = await call(t.app, 'GET', '/v1/auth/facebook?link=1', { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(res.body.code, 'AUTH.UNAUTHENTICATED');
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="entropy"');
    }
    assert.equal((await call(t.app, 'GET', '/v1/auth/facebook?link=yes', { token: owner.token })).status, 400);
    assert.equal(await count('SELECT 1 FROM oauth_states'), before);
    // A stale session cookie does not stand in the way of an ordinary (anonymous) sign-in.
    assert.equal(
      (await call(t.app, 'GET', '/v1/auth/facebook', { headers: { cookie: `entropy_session=${generateToken('session')}` } })).status,
      302,
    );
  });

  test('with a bearer session: the callback attaches the identity to that account (JSON answer), UserFacebookLinked, and Facebook signs in to it from then on', async () => {
    const existing = await t.user(HEDY.email, { name: 'hedy' });
    const started = await start('?link=1', { authorization: `Bearer ${existing.token}` });
    const [state] = await t.dataSource.query('SELECT binding FROM oauth_states WHERE state_hash = $1', [
      createHash('sha256').update(started.state).digest('hex'),
    ]);
    assert.equal(state.binding.link.userId, existing.id);
    const back = await dialog(started, HEDY.id);
    const res = await callback(back);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['access_token', 'expires_in', 'token_type', 'user']);
    assert.deepEqual(res.body.user, { id: existing.id, name: HEDY.name, email: HEDY.email });
    assertNoSecrets(res, secretsOf(back));
    assert.equal((await call(t.app, 'GET', '/v1/me', { token: res.body.access_token })).body.id, existing.id);
    const [row] = await t.dataSource.query('SELECT facebook_user_id FROM users WHERE id = $1', [existing.id]);
    assert.equal(row.facebook_user_id, HEDY.id);
    const events = await linkEvents(existing.id);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0], { user_id: existing.id, provider: 'facebook', via: 'sign_in' });
    const payload = JSON.stringify(events[0]);
    for (const personal of [HEDY.id, HEDY.email, HEDY.name]) assert.equal(payload.includes(personal), false, personal);
    assert.equal(
      await count(`SELECT 1 FROM events WHERE type = 'tech.entropy.user.signed_up' AND aggregate_id = $1`, [String(existing.id)]),
      1,
    );

    const again = (await signIn(HEDY.id)).res;
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.user.id, existing.id);
    assert.equal((await linkEvents(existing.id)).length, 1, 'signing in is no second link');
  });

  test('with the session cookie in a browser: 302 to the web app with a session cookie, like a sign-in', async () => {
    const existing = await t.user('alan@example.com', { name: 'alan' });
    const started = await start('?link=1', { cookie: `entropy_session=${existing.token}` });
    const res = await callback(await dialog(started, ALAN.id), BROWSER_ACCEPT);
    assert.equal(res.status, 302, res.text);
    assert.equal(res.headers.location, 'http://app.test/');
    const session = valueOf(cookieNamed(res, 'entropy_session'));
    assert.equal((await call(t.app, 'GET', '/v1/me', { token: session })).body.id, existing.id);
    const [row] = await t.dataSource.query('SELECT facebook_user_id, email FROM users WHERE id = $1', [existing.id]);
    // The Facebook email is free, so it is taken as on any sign-in of this identity.
    assert.deepEqual(row, { facebook_user_id: ALAN.id, email: ALAN.email });
    assert.equal((await linkEvents(existing.id)).length, 1);
  });

  test('an identity that belongs to another account is 409 FACEBOOK.IDENTITY_IN_USE, nothing changed', async () => {
    const holder = (await signIn(JOAN.id)).res;
    assert.equal(holder.status, 200, holder.text);
    const other = await t.user('not-joan@example.com', { name: 'Not Joan' });
    const started = await start('?link=1', { authorization: `Bearer ${other.token}` });
    const back = await dialog(started, JOAN.id);
    const before = await footprint();
    const res = await callback(back);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'FACEBOOK.IDENTITY_IN_USE');
    assert.deepEqual(await footprint(), before);
    const rows = await t.dataSource.query('SELECT id, facebook_user_id FROM users WHERE id = ANY($1) ORDER BY id', [
      [holder.body.user.id, other.id],
    ]);
    assert.deepEqual(rows, [
      { id: holder.body.user.id, facebook_user_id: JOAN.id },
      { id: other.id, facebook_user_id: null },
    ]);
  });

  test('an account that already has a different Facebook identity is 409 FACEBOOK.ACCOUNT_HAS_OTHER_IDENTITY, nothing changed', async () => {
    const hedy = (await signIn(HEDY.id)).res;
    assert.equal(hedy.status, 200, hedy.text);
    const back = await dialog(await start('?link=1', { authorization: `Bearer ${hedy.body.access_token}` }), BARBARA.id);
    const before = await footprint();
    const res = await callback(back);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'FACEBOOK.ACCOUNT_HAS_OTHER_IDENTITY');
    assert.deepEqual(await footprint(), before);
    assert.equal(await count('SELECT 1 FROM users WHERE facebook_user_id = $1', [BARBARA.id]), 0);
  });

  test('a session signed out between the start and the callback links nothing (401)', async () => {
    const user = await t.user('barbara@example.com', { name: 'barbara' });
    const back = await dialog(await start('?link=1', { authorization: `Bearer ${user.token}` }), BARBARA.id);
    assert.equal((await call(t.app, 'POST', '/v1/auth/logout', { token: user.token })).status, 204);
    const before = await footprint();
    const res = await callback(back);
    assert.equal(res.status, 401, res.text);
    assert.deepEqual(await footprint(), before);
    const [row] = await t.dataSource.query('SELECT facebook_user_id FROM users WHERE id = $1', [user.id]);
    assert.equal(row.facebook_user_id, null);
  });

  test('the link intent lives in the server-side state: link=1 added to the callback does nothing', async () => {
    const user = await t.user(BARBARA.email, { name: 'barbara too' });
    const back = await dialog(await start('', { authorization: `Bearer ${user.token}` }), BARBARA.id);
    back.url.searchParams.set('link', '1');
    const before = await footprint();
    const res = await call(t.app, 'GET', `${back.url.pathname}${back.url.search}`, {
      headers: { ...JSON_ACCEPT, cookie: back.cookie, authorization: `Bearer ${user.token}` },
    });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.code, 'FACEBOOK.EMAIL_IN_USE');
    assert.deepEqual(await footprint(), before);
  });
});

describe('GET /v1/auth/facebook/callback (browser)', () => {
  test('302 to WEB_APP_URL with an HttpOnly; Secure; SameSite=Lax session cookie that authenticates the SPA, CSRF-checked on writes', async () => {
    const { res, back } = await signIn(KATHERINE.id, BROWSER_ACCEPT);
    assert.equal(res.status, 302, res.text);
    assert.equal(res.headers.location, 'http://app.test/');
    assert.equal(res.headers['cache-control'], 'no-store');
    const session = cookieNamed(res, 'entropy_session');
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/', `Max-Age=${30 * 24 * 3600}`]) {
      assert.ok(session.split(/;\s*/).includes(attribute), `${attribute} in ${session.replace(/=ent_s_\w+/, '=...')}`);
    }
    const csrf = cookieNamed(res, 'entropy_csrf');
    assert.equal(/HttpOnly/i.test(csrf), false, 'the SPA must be able to read the CSRF cookie');
    assert.ok(csrf.includes('Secure') && csrf.includes('SameSite=Lax'));
    assert.equal(res.text, '');
    assertNoSecrets(res, secretsOf(back));

    const cookie = `entropy_session=${valueOf(session)}; entropy_csrf=${valueOf(csrf)}`;
    const me = await call(t.app, 'GET', '/v1/me', { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(me.body.email, KATHERINE.email);

    const orgsBefore = await count('SELECT 1 FROM organizations');
    const noHeader = await call(t.app, 'POST', '/v1/organizations', { headers: { cookie }, body: { name: 'Cookie org' } });
    assert.equal(noHeader.status, 403);
    assert.equal(noHeader.body.code, 'AUTH.CSRF');
    const wrong = await call(t.app, 'POST', '/v1/organizations', {
      headers: { cookie, 'x-csrf-token': 'guess' },
      body: { name: 'Cookie org' },
    });
    assert.equal(wrong.status, 403);
    // A CSRF cookie planted beside the real session does not help: the token is tied to the session.
    const planted = await call(t.app, 'POST', '/v1/organizations', {
      headers: { cookie: `entropy_session=${valueOf(session)}; entropy_csrf=planted`, 'x-csrf-token': 'planted' },
      body: { name: 'Cookie org' },
    });
    assert.equal(planted.status, 403);
    assert.equal(await count('SELECT 1 FROM organizations'), orgsBefore);
    const ok = await call(t.app, 'POST', '/v1/organizations', {
      headers: { cookie, 'x-csrf-token': valueOf(csrf) },
      body: { name: 'Cookie org' },
    });
    assert.equal(ok.status, 201, ok.text);

    // Logout by cookie revokes the session and clears both cookies.
    const logout = await call(t.app, 'POST', '/v1/auth/logout', { headers: { cookie, 'x-csrf-token': valueOf(csrf) } });
    assert.equal(logout.status, 204);
    assert.match(cookieNamed(logout, 'entropy_session'), /^entropy_session=;.*Max-Age=0/);
    assert.match(cookieNamed(logout, 'entropy_csrf'), /^entropy_csrf=;.*Max-Age=0/);
    assert.equal((await call(t.app, 'GET', '/v1/me', { headers: { cookie } })).status, 401);
  });

  test('the validated redirect bound to the state is where the browser lands', async () => {
    const target = 'http://app.test/organizations?tab=members';
    const { res } = await signIn(KATHERINE.id, BROWSER_ACCEPT, `?redirect=${encodeURIComponent(target)}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, target);
    const relative = await signIn(KATHERINE.id, BROWSER_ACCEPT, `?redirect=${encodeURIComponent('/settings')}`);
    assert.equal(relative.res.headers.location, 'http://app.test/settings');
  });

  test('Bearer callers are unaffected by CSRF, and the Authorization header wins over the cookie', async () => {
    const user = await t.user('bearer-csrf@example.com');
    const res = await call(t.app, 'POST', '/v1/organizations', { token: user.token, body: { name: 'Bearer org' } });
    assert.equal(res.status, 201);
    const stale = await call(t.app, 'GET', '/v1/me', {
      token: user.token,
      headers: { cookie: `entropy_session=${generateToken('session')}` },
    });
    assert.equal(stale.status, 200);
    assert.equal(stale.body.email, 'bearer-csrf@example.com');
  });

  test('a cookie holding anything but a live session token is 401', async () => {
    for (const value of [generateToken('organization'), generateToken('session'), 'garbage']) {
      const res = await call(t.app, 'GET', '/v1/me', { headers: { cookie: `entropy_session=${value}` } });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="entropy"');
    }
  });
});

describe('GET /v1/auth/facebook/callback failures create nothing', () => {
  test('a reused state is 400, with no second session', async () => {
    const back = await dialog(await start(), ADA.id);
    assert.equal((await callback(back)).status, 200);
    const before = await footprint();
    fb.reset();
    const replay = await callback(back);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'OAUTH.INVALID_STATE');
    assert.match(replay.body.message, /already used/);
    assert.deepEqual(await footprint(), before);
    assert.equal(fb.calls.length, 0, 'Facebook is not even asked');
    assertNoSecrets(replay, secretsOf(back));
  });

  test('an unknown, missing or expired state is 400', async () => {
    const before = await footprint();
    fb.reset();
    const code = fb.issueCode({ userId: ADA.id, redirectUri: CALLBACK, scopes: ['email'] });
    const unknown = await call(t.app, 'GET', `/v1/auth/facebook/callback?code=${code}&state=forged-state`, { headers: JSON_ACCEPT });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'OAUTH.INVALID_STATE');
    assertNoSecrets(unknown, [code, 'forged-state']);
    const missing = await call(t.app, 'GET', `/v1/auth/facebook/callback?code=${code}`, { headers: JSON_ACCEPT });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'OAUTH.INVALID_STATE');
    const back = await dialog(await start(), ADA.id);
    await t.dataSource.query(`UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const expired = await callback(back);
    assert.equal(expired.status, 400);
    assert.match(expired.body.message, /expired/);
    assert.deepEqual(await footprint(), before);
    assert.equal(fb.calls.filter((c) => c.path.endsWith('/oauth/access_token')).length, 0);
  });

  test('access_denied: 400 for API clients, 302 back to the web app with the error for browsers; the state is spent', async () => {
    const before = await footprint();
    fb.denyNextDialog();
    const back = await dialog(await start());
    assert.equal(back.url.searchParams.get('error'), 'access_denied');
    const denied = await callback(back);
    assert.equal(denied.status, 400);
    assert.equal(denied.body.code, 'FACEBOOK.LOGIN_DENIED');
    assert.match(denied.body.message, /cancelled|denied/);
    assert.equal((await callback(back)).body.code, 'OAUTH.INVALID_STATE');

    fb.denyNextDialog();
    const target = 'http://app.test/welcome';
    const browserBack = await dialog(await start(`?redirect=${encodeURIComponent(target)}`));
    const browser = await callback(browserBack, BROWSER_ACCEPT);
    assert.equal(browser.status, 302);
    const location = new URL(String(browser.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, target);
    assert.equal(location.searchParams.get('error'), 'FACEBOOK.LOGIN_DENIED');
    assert.ok(location.searchParams.get('error_description'));
    assert.equal(
      setCookies(browser).some((c) => c.startsWith('entropy_session=')),
      false,
    );
    // A bad state in a browser goes back to the web app too.
    const replayed = await callback(browserBack, BROWSER_ACCEPT);
    assert.equal(replayed.status, 302);
    assert.equal(new URL(String(replayed.headers.location)).searchParams.get('error'), 'OAUTH.INVALID_STATE');
    assert.deepEqual(await footprint(), before);
  });

  test('Facebook rejecting the code is 400 with its message', async () => {
    const before = await footprint();
    const started = await start();
    const code = fb.issueCode({ userId: ADA.id, redirectUri: 'http://elsewhere.test/cb', scopes: ['email'] });
    const res = await callbackWith(started, code);
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'FACEBOOK.CODE_REJECTED');
    assert.match(res.body.message, /redirect_uri/);
    assertNoSecrets(res, [code, started.state]);
    assert.deepEqual(await footprint(), before);
  });

  test('Facebook answering 5xx on the code exchange or the profile is 502', async () => {
    const before = await footprint();
    fb.failNext({ path: '/oauth/access_token', status: 500 });
    const exchange = await callback(await dialog(await start(), ADA.id));
    assert.equal(exchange.status, 502);
    assert.equal(exchange.body.code, 'FACEBOOK.UNAVAILABLE');
    assert.deepEqual(Object.keys(exchange.body).sort(), ['code', 'error', 'message', 'statusCode']);
    fb.failNext({ path: '/me', status: 503 });
    const profile = await callback(await dialog(await start(), ADA.id));
    assert.equal(profile.status, 502);
    assert.equal(profile.body.code, 'FACEBOOK.UNAVAILABLE');
    fb.failNext({ path: '/oauth/access_token', status: 429 });
    assert.equal((await callback(await dialog(await start(), ADA.id))).status, 502);
    fb.failNext({ path: '/oauth/access_token', status: 502, body: '<html>Bad gateway</html>' });
    const html = await callback(await dialog(await start(), ADA.id));
    assert.equal(html.status, 502);
    assertNoSecrets(html, []);
    assert.deepEqual(await footprint(), before);
  });
});

describe('login CSRF: only the browser that started a sign-in can complete it', () => {
  test("someone else's sign-in completed without its login cookie is 400, nothing created, Facebook not asked, the state spent", async () => {
    const attackers = await dialog(await start(), GRACE.id);
    const before = await footprint();
    fb.reset();
    const res = await callback(attackers, JSON_ACCEPT, null);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.code, 'FACEBOOK.LOGIN_NOT_STARTED_HERE');
    assert.match(res.body.message, /not started from this browser/);
    assert.match(cookieNamed(res, 'entropy_login'), /^entropy_login=;.*Max-Age=0/);
    assertNoSecrets(res, secretsOf(attackers));
    assert.equal(fb.calls.length, 0, 'the code is not even exchanged');
    assert.deepEqual(await footprint(), before);
    const replay = await callback(attackers);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'OAUTH.INVALID_STATE');
  });

  test("a browser with a login of its own in progress cannot complete someone else's, nor can a made-up cookie", async () => {
    const victims = await start();
    const before = await footprint();
    for (const cookie of [victims.cookie, 'entropy_login=made-up', `entropy_login=${victims.cookie.split('=')[1].slice(1)}`]) {
      const attackers = await dialog(await start(), GRACE.id);
      const res = await callback(attackers, JSON_ACCEPT, cookie);
      assert.equal(res.status, 400, cookie);
      assert.equal(res.body.code, 'FACEBOOK.LOGIN_NOT_STARTED_HERE');
    }
    assert.deepEqual(await footprint(), before);
    // The victim's own sign-in is unaffected.
    const own = await callback(await dialog(victims, KATHERINE.id));
    assert.equal(own.status, 200, own.text);
  });

  test("in a browser: back to the web app's root (not the redirect bound to someone else's state) with the error, no session", async () => {
    const attackers = await dialog(await start(`?redirect=${encodeURIComponent('http://app.test/attacker-chosen')}`), GRACE.id);
    const before = await footprint();
    const res = await callback(attackers, BROWSER_ACCEPT, null);
    assert.equal(res.status, 302);
    const location = new URL(String(res.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, 'http://app.test/');
    assert.equal(location.searchParams.get('error'), 'FACEBOOK.LOGIN_NOT_STARTED_HERE');
    assert.equal(
      setCookies(res).some((c) => c.startsWith('entropy_session=')),
      false,
    );
    assert.deepEqual(await footprint(), before);
  });
});

describe('concurrency and timeouts', () => {
  test('two first sign-ins of the same person at once make one user, both answer 200', async () => {
    const twin = { id: '10000000777', name: 'Concurrent Twin', email: 'concurrent-twin@example.com' };
    fb.addUser(twin);
    const [a, b] = [await dialog(await start(), twin.id), await dialog(await start(), twin.id)];
    const results = await Promise.all([callback(a), callback(b)]);
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200],
    );
    assert.equal(await count('SELECT 1 FROM users WHERE facebook_user_id = $1', [twin.id]), 1);
    assert.equal(
      await count(
        `SELECT 1 FROM events o JOIN users u ON o.aggregate_id = u.id::text
      WHERE o.type = 'tech.entropy.user.signed_up' AND u.facebook_user_id = $1`,
        [twin.id],
      ),
      1,
    );
  });

  test('a Graph server slower than the timeout is 502, nothing created', async () => {
    const before = await footprint();
    fb.delayNext({ path: '/oauth/access_token', ms: FACEBOOK_TIMEOUT_MS + 2000 });
    const started = Date.now();
    const res = await callback(await dialog(await start(), ADA.id));
    assert.equal(res.status, 502);
    assert.equal(res.body.code, 'FACEBOOK.UNAVAILABLE');
    assert.ok(Date.now() - started < FACEBOOK_TIMEOUT_MS + 1500, 'the request gave up at the timeout');
    assert.deepEqual(await footprint(), before);
  });
});

describe('documentation', () => {
  test('both routes are in the OpenAPI document under auth', async () => {
    const doc = (await call(t.app, 'GET', '/docs-json')).body;
    const startOp = doc.paths['/v1/auth/facebook']?.get;
    const callbackOp = doc.paths['/v1/auth/facebook/callback']?.get;
    for (const [operation, statuses] of [
      [startOp, ['302', '400', '503']],
      [callbackOp, ['200', '302', '400', '502', '503']],
    ] as const) {
      assert.ok(operation);
      assert.ok(operation.summary);
      assert.deepEqual(operation.tags, ['auth']);
      for (const status of statuses) assert.ok(operation.responses[status], status);
    }
    assert.ok(callbackOp.parameters.some((p: { name: string }) => p.name === 'state'));
    assert.ok(startOp.parameters.some((p: { name: string }) => p.name === 'redirect'));
  });
});

describe('Facebook unreachable', () => {
  // Last in this file: it stops the fake. (No Facebook app at all: facebook-sign-in-disabled.e2e.spec.ts.)
  test('502, nothing created', async () => {
    const started = await start();
    const code = fb.issueCode({ userId: ADA.id, redirectUri: CALLBACK, scopes: ['email'] });
    await fb.close();
    const before = await footprint();
    const res = await callbackWith(started, code);
    assert.equal(res.status, 502);
    assert.equal(res.body.code, 'FACEBOOK.UNAVAILABLE');
    assert.deepEqual(await footprint(), before);
  });
});
