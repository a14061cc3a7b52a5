import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { startFakeFacebook, type FakeFacebook } from './fake-facebook.js';

const REDIRECT = 'http://127.0.0.1:3000/auth/facebook/callback';
const ADA = { id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' };
const GRACE = { id: '10000000002', name: 'Grace Hopper', email: 'grace@example.com' };

let fb: FakeFacebook;

before(async () => {
  fb = await startFakeFacebook();
  fb.addUser(ADA);
  fb.addUser(GRACE);
});

after(async () => {
  await fb.close();
});

beforeEach(() => fb.reset());

// ---------------------------------------------------------------------------------------------
// helpers

interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

async function json(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave as text
  }
  return { status: res.status, body, headers: res.headers };
}

function url(path: string, params: Record<string, string> = {}): string {
  const u = new URL(`${fb.graphUrl}${path}`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

async function get(path: string, params: Record<string, string> = {}, init: RequestInit = {}): Promise<Reply> {
  return json(await fetch(url(path, params), init));
}

async function postForm(path: string, params: Record<string, string>): Promise<Reply> {
  return json(await fetch(url(path), { method: 'POST', body: new URLSearchParams(params) }));
}

/** Opens the dialog the way a browser would, returns the redirect target. */
async function dialog(params: Record<string, string>): Promise<URL> {
  const res = await fetch(url('/dialog/oauth', { client_id: fb.appId, redirect_uri: REDIRECT, response_type: 'code', ...params }), {
    redirect: 'manual',
  });
  assert.equal(res.status, 302, `dialog answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get('location')!);
}

async function exchangeCode(code: string, redirectUri = REDIRECT, secret?: string): Promise<Reply> {
  return get('/oauth/access_token', { client_id: fb.appId, client_secret: secret ?? fb.appSecret, redirect_uri: redirectUri, code });
}

function proof(token: string, secret = fb.appSecret): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

function appToken(): string {
  return `${fb.appId}|${fb.appSecret}`;
}

function assertGraphError(reply: Reply, code: number, subcode?: number, status = 400): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.equal(typeof reply.body?.error, 'object', JSON.stringify(reply.body));
  assert.equal(reply.body.error.code, code, JSON.stringify(reply.body));
  assert.equal(reply.body.error.error_subcode, subcode, JSON.stringify(reply.body));
  assert.equal(typeof reply.body.error.message, 'string');
  assert.match(reply.body.error.fbtrace_id, /^\w{6,}$/);
}

// ---------------------------------------------------------------------------------------------
// tests

test('env() and URLs point at the fake with the configured version', () => {
  assert.match(fb.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(fb.graphUrl, `${fb.baseUrl}/v25.0`);
  assert.equal(fb.dialogUrl, `${fb.baseUrl}/v25.0/dialog/oauth`);
  assert.deepEqual(fb.env(), {
    FACEBOOK_APP_ID: '1234567890',
    FACEBOOK_APP_SECRET: 'fake-app-secret',
    FACEBOOK_GRAPH_URL: fb.graphUrl,
    FACEBOOK_DIALOG_URL: fb.dialogUrl,
  });
});

test('dialog redirects to redirect_uri with a code and the state', async () => {
  const target = await dialog({ state: 'st-123', scope: 'email,public_profile' });
  assert.equal(`${target.origin}${target.pathname}`, REDIRECT);
  assert.equal(target.searchParams.get('state'), 'st-123');
  assert.match(target.searchParams.get('code') ?? '', /^\S{20,}$/);
  assert.equal(target.searchParams.get('error'), null);
  // the first user added logs in by default, with the requested scopes
  const { body } = await exchangeCode(target.searchParams.get('code')!);
  const me = await get('/me', { fields: 'id,name,email', access_token: body.access_token });
  assert.deepEqual(me.body, ADA);
  const debug = await get('/debug_token', { input_token: body.access_token, access_token: appToken() });
  assert.deepEqual([...debug.body.data.scopes].sort(), ['email', 'public_profile']);
});

test('dialog honours fake_user and setDialogUser', async () => {
  const viaParam = await dialog({ state: 's', fake_user: GRACE.id });
  const t1 = (await exchangeCode(viaParam.searchParams.get('code')!)).body.access_token;
  assert.equal((await get('/me', { access_token: t1 })).body.id, GRACE.id);

  fb.setDialogUser(GRACE.id);
  const viaSetting = await dialog({ state: 's' });
  const t2 = (await exchangeCode(viaSetting.searchParams.get('code')!)).body.access_token;
  assert.equal((await get('/me', { access_token: t2 })).body.id, GRACE.id);
  assert.throws(() => fb.setDialogUser('nobody'), /unknown user/);
});

test('denyNextDialog redirects back with the user_denied error params, once', async () => {
  fb.denyNextDialog();
  const denied = await dialog({ state: 'st-9' });
  assert.equal(`${denied.origin}${denied.pathname}`, REDIRECT);
  assert.equal(denied.searchParams.get('error'), 'access_denied');
  assert.equal(denied.searchParams.get('error_code'), '200');
  assert.equal(denied.searchParams.get('error_description'), 'Permissions error');
  assert.equal(denied.searchParams.get('error_reason'), 'user_denied');
  assert.equal(denied.searchParams.get('state'), 'st-9');
  assert.equal(denied.searchParams.get('code'), null);

  const next = await dialog({ state: 'st-10' });
  assert.ok(next.searchParams.get('code'));
  assert.equal(next.searchParams.get('error'), null);
});

test('dialog rejects an unknown client_id with a 400 page and no redirect', async () => {
  const res = await fetch(url('/dialog/oauth', { client_id: '999', redirect_uri: REDIRECT, state: 's' }), { redirect: 'manual' });
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('location'), null);
  assert.match(await res.text(), /Invalid App ID/);
});

test('code exchange gives a short-lived token, fb_exchange_token a long-lived one (GET and POST)', async () => {
  const code = (await dialog({ state: 's', scope: 'email' })).searchParams.get('code')!;
  const short = await postForm('/oauth/access_token', { client_id: fb.appId, client_secret: fb.appSecret, redirect_uri: REDIRECT, code });
  assert.equal(short.status, 200, JSON.stringify(short.body));
  assert.deepEqual(Object.keys(short.body).sort(), ['access_token', 'expires_in', 'token_type']);
  assert.equal(short.body.token_type, 'bearer');
  assert.equal(short.body.expires_in, 7200);

  const long = await get('/oauth/access_token', {
    grant_type: 'fb_exchange_token',
    client_id: fb.appId,
    client_secret: fb.appSecret,
    fb_exchange_token: short.body.access_token,
  });
  assert.equal(long.status, 200, JSON.stringify(long.body));
  assert.equal(long.body.token_type, 'bearer');
  assert.equal(long.body.expires_in, 5184000);
  assert.notEqual(long.body.access_token, short.body.access_token);

  const debug = await get('/debug_token', { input_token: long.body.access_token, access_token: appToken() });
  assert.equal(debug.body.data.is_valid, true);
  assert.equal(debug.body.data.user_id, ADA.id);
  assert.deepEqual([...debug.body.data.scopes].sort(), ['email', 'public_profile']);
  const nowS = Math.floor(Date.now() / 1000);
  assert.ok(Math.abs(debug.body.data.expires_at - (nowS + 5184000)) < 60, `expires_at ${debug.body.data.expires_at}`);

  const badSecret = await get('/oauth/access_token', {
    grant_type: 'fb_exchange_token',
    client_id: fb.appId,
    client_secret: 'nope',
    fb_exchange_token: short.body.access_token,
  });
  assertGraphError(badSecret, 1);
});

test('an authorization code is single use (36009)', async () => {
  const code = fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT, scopes: ['email'] });
  const first = await exchangeCode(code);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const second = await exchangeCode(code);
  assertGraphError(second, 100, 36009);
  assert.equal(second.body.error.message, 'This authorization code has been used.');
  assert.equal(second.body.error.type, 'OAuthException');
});

test('redirect_uri must match the one the code was issued for (36008)', async () => {
  const code = fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT });
  const mismatch = await exchangeCode(code, `${REDIRECT}/other`);
  assertGraphError(mismatch, 100, 36008);
  assert.match(mismatch.body.error.message, /redirect_uri is identical to the one you used in the OAuth dialog request/);
  // the mismatch does not burn the code
  assert.equal((await exchangeCode(code)).status, 200);
});

test('wrong client_secret, unknown code and expired code are rejected', async () => {
  const code = fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT });
  const wrongSecret = await exchangeCode(code, REDIRECT, 'not-the-secret');
  assertGraphError(wrongSecret, 1);
  assert.equal(wrongSecret.body.error.message, 'Error validating client secret.');

  assertGraphError(await exchangeCode('AQ-made-up'), 100);

  const old = fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT });
  fb.advanceClock(11 * 60 * 1000);
  try {
    assertGraphError(await exchangeCode(old), 100, 36007);
  } finally {
    fb.advanceClock(-11 * 60 * 1000);
  }
});

test('/me returns the requested fields, checks appsecret_proof, and the calls log shows what was sent', async () => {
  const token = fb.issueToken({ userId: ADA.id, scopes: ['email'] });

  const withProof = await get('/me', { fields: 'id,name,email', access_token: token, appsecret_proof: proof(token) });
  assert.equal(withProof.status, 200, JSON.stringify(withProof.body));
  assert.deepEqual(withProof.body, { id: ADA.id, name: ADA.name, email: ADA.email });

  const onlyName = await get('/me', { fields: 'name', access_token: token, appsecret_proof: proof(token) });
  assert.deepEqual(onlyName.body, { name: ADA.name, id: ADA.id });

  const wrongProof = await get('/me', { fields: 'id', access_token: token, appsecret_proof: proof(token, 'wrong-secret') });
  assertGraphError(wrongProof, 100);
  assert.equal(wrongProof.body.error.message, 'Invalid appsecret_proof provided in the API argument');

  const noProof = await get('/me', { fields: 'id', access_token: token });
  assert.equal(noProof.status, 200);

  const meCalls = fb.calls.filter((c) => c.path === '/v25.0/me');
  assert.equal(meCalls.length, 4);
  assert.equal(meCalls[0]!.query.appsecret_proof, proof(token));
  assert.equal(meCalls[3]!.query.appsecret_proof, undefined);
  assert.equal(meCalls[3]!.query.access_token, token);

  // Authorization header works too; email needs the email scope
  const noEmailScope = fb.issueToken({ userId: GRACE.id });
  const viaHeader = await get('/me', { fields: 'id,email' }, { headers: { authorization: `Bearer ${noEmailScope}` } });
  assert.deepEqual(viaHeader.body, { id: GRACE.id });

  assertGraphError(await get('/me', { fields: 'id' }), 2500);
  assertGraphError(await get('/me', { access_token: 'EAAgarbage' }), 190);
});

test('debug_token reports valid tokens, and invalid ones with the error inside data', async () => {
  const token = fb.issueToken({ userId: GRACE.id, scopes: ['email'] });
  const valid = await get('/debug_token', { input_token: token, access_token: appToken() });
  assert.equal(valid.status, 200, JSON.stringify(valid.body));
  const d = valid.body.data;
  assert.equal(d.app_id, fb.appId);
  assert.equal(d.type, 'USER');
  assert.equal(d.application, 'Fake App');
  assert.equal(d.is_valid, true);
  assert.equal(d.user_id, GRACE.id);
  assert.equal(typeof d.expires_at, 'number');
  assert.equal(typeof d.data_access_expires_at, 'number');
  assert.equal(d.error, undefined);

  fb.invalidateUserTokens(GRACE.id);
  const invalid = await get('/debug_token', { input_token: token, access_token: appToken() });
  assert.equal(invalid.status, 200);
  assert.equal(invalid.body.data.is_valid, false);
  assert.equal(invalid.body.data.user_id, GRACE.id);
  assert.equal(invalid.body.data.error.code, 190);
  assert.equal(invalid.body.data.error.subcode, 460);
  assertGraphError(await get('/me', { access_token: token }), 190, 460);

  const toExpire = fb.issueToken({ userId: ADA.id });
  fb.expireToken(toExpire);
  const expired = await get('/debug_token', { input_token: toExpire, access_token: appToken() });
  assert.equal(expired.body.data.is_valid, false);
  assert.equal(expired.body.data.error.subcode, 463);
  const meExpired = await get('/me', { access_token: toExpire });
  assertGraphError(meExpired, 190, 463);
  assert.match(meExpired.body.error.message, /^Error validating access token: Session has expired/);

  const garbage = await get('/debug_token', { input_token: 'EAAnot-a-token', access_token: appToken() });
  assert.equal(garbage.body.data.is_valid, false);
  assert.equal(garbage.body.data.error.code, 190);

  const otherApp = fb.issueToken({ userId: ADA.id, appId: '5550001' });
  const foreign = await get('/debug_token', { input_token: otherApp, access_token: appToken() });
  assert.equal(foreign.body.data.app_id, '5550001');
  assert.equal(foreign.body.data.is_valid, true);

  // the caller needs an app token: a wrong secret or a user token is refused
  assertGraphError(await get('/debug_token', { input_token: token, access_token: `${fb.appId}|wrong` }), 190);
  assertGraphError(await get('/debug_token', { input_token: otherApp, access_token: otherApp }), 100);
});

test("DELETE /{user-id}/permissions de-authorizes: the user's tokens for the app stop working", async () => {
  const adaToken = fb.issueToken({ userId: ADA.id, scopes: ['email'] });
  const adaLong = fb.issueToken({ userId: ADA.id, longLived: true });
  const graceToken = fb.issueToken({ userId: GRACE.id });

  const del = await json(await fetch(url(`/${ADA.id}/permissions`, { access_token: adaToken }), { method: 'DELETE' }));
  assert.equal(del.status, 200, JSON.stringify(del.body));
  assert.deepEqual(del.body, { success: true });

  for (const t of [adaToken, adaLong]) {
    assertGraphError(await get('/me', { access_token: t }), 190, 458);
    const debug = await get('/debug_token', { input_token: t, access_token: appToken() });
    assert.equal(debug.body.data.is_valid, false);
  }
  assert.equal((await get('/me', { access_token: graceToken })).status, 200);

  // a new login gives a working token again
  const fresh = (await exchangeCode(fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT }))).body.access_token;
  assert.equal((await get('/me', { access_token: fresh })).status, 200);
});

test('failNext forces the given status and body for the next matching request(s)', async () => {
  const token = fb.issueToken({ userId: ADA.id });
  fb.failNext({ path: '/me', status: 500, times: 2 });
  const first = await get('/me', { access_token: token });
  assert.equal(first.status, 500);
  assert.equal(first.body.error.type, 'OAuthException');
  assert.equal(typeof first.body.error.code, 'number');
  assert.equal((await get('/me', { access_token: token })).status, 500);
  assert.equal((await get('/me', { access_token: token })).status, 200);

  fb.failNext({ path: /\/oauth\/access_token$/, status: 503, body: { error: { message: 'boom', type: 'OAuthException', code: 2 } } });
  const code = fb.issueCode({ userId: ADA.id, redirectUri: REDIRECT });
  const failed = await exchangeCode(code);
  assert.equal(failed.status, 503);
  assert.deepEqual(failed.body, { error: { message: 'boom', type: 'OAuthException', code: 2 } });
  // the failed request did not consume the code
  assert.equal((await exchangeCode(code)).status, 200);
  // and a failure only hits matching paths
  fb.failNext({ path: '/debug_token', status: 500 });
  assert.equal((await get('/me', { access_token: token })).status, 200);
});

test('delayNext holds the answer back, so a client timeout fires', async () => {
  const token = fb.issueToken({ userId: ADA.id });
  fb.delayNext({ path: '/me', ms: 1000 });
  await assert.rejects(
    fetch(url('/me', { access_token: token }), { signal: AbortSignal.timeout(150) }),
    (err: Error) => err.name === 'TimeoutError',
  );

  fb.delayNext({ path: '/v25.0/me', ms: 250 });
  const started = Date.now();
  const slow = await get('/me', { access_token: token });
  assert.equal(slow.status, 200);
  assert.ok(Date.now() - started >= 240, `answered after ${Date.now() - started} ms`);

  const quickStart = Date.now();
  assert.equal((await get('/me', { access_token: token })).status, 200);
  assert.ok(Date.now() - quickStart < 200, 'the delay applies once by default');
});

test('signedRequest is signed with the app secret', () => {
  const sr = fb.signedRequest({ user_id: ADA.id, algorithm: 'HMAC-SHA256' });
  const [sig, payload] = sr.split('.');
  assert.ok(sig && payload);
  const expected = createHmac('sha256', 'fake-app-secret').update(payload).digest('base64url');
  assert.equal(sig, expected);
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  assert.equal(decoded.algorithm, 'HMAC-SHA256');
  assert.equal(decoded.user_id, ADA.id);
  assert.equal(typeof decoded.issued_at, 'number');
  const forged = createHmac('sha256', 'another-secret').update(payload).digest('base64url');
  assert.notEqual(sig, forged);
});

test('unknown routes answer Graph error 2500', async () => {
  const res = await get('/me/friends/of/friends', { access_token: fb.issueToken({ userId: ADA.id }) });
  assertGraphError(res, 2500);
  assert.match(res.body.error.message, /^Unknown path components: /);
  assertGraphError(await get('/nonsense'), 2500);
});
