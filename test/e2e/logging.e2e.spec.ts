import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// What an operator reads: one JSON line per request, naming the error behind a 5xx.
const REDIRECT = 'http://app.test/facebook/callback';
let fb: FakeFacebook;
let t: TestApp;
let owner: { id: number; token: string };
let org: string;
const lines: Record<string, unknown>[] = [];

before(async () => {
  fb = await startFakeFacebook();
  fb.addUser({ id: '10000000009', name: 'Log Person' });
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  t = await startTestApp({ ...fb.env(), FACEBOOK_LINK_REDIRECT_URI: REDIRECT, LOG_LEVEL: 'info' }, undefined, { logDestination: sink });
  owner = await t.user('logs-owner@example.com');
  org = await createOrganization(t.app, owner.token, { name: 'Logged Org' });
});
after(async () => {
  await t?.close();
  await fb?.close();
});

/** The log lines written for one request, found by its X-Request-Id. */
async function linesOf(requestId: string) {
  await new Promise((resolve) => setImmediate(resolve));
  return lines.filter((line) => (line.req as { id?: string } | undefined)?.id === requestId);
}

test('a database failure is one error line naming the error class, SQLSTATE, message and stack, without SQL parameters', async () => {
  await t.dataSource.query('ALTER TABLE organizations RENAME TO organizations_moved');
  try {
    const res = await call(t.app, 'GET', `/v1/organizations/${org}`, { token: owner.token });
    assert.equal(res.status, 500);
    const logged = await linesOf(res.headers['x-request-id'] as string);
    assert.equal(logged.length, 1, JSON.stringify(logged));
    const [line] = logged;
    assert.equal(line.level, 50);
    const err = line.err as Record<string, unknown>;
    assert.equal(err.type, 'QueryFailedError');
    assert.equal(err.code, '42P01');
    assert.match(String(err.message), /relation "organizations" does not exist/);
    assert.match(String(err.stack), /QueryFailedError/);
    assert.equal('parameters' in err || 'query' in err, false, 'no SQL text or parameters in the line');
  } finally {
    await t.dataSource.query('ALTER TABLE organizations_moved RENAME TO organizations');
  }
});

test('a Facebook failure (502) is one warning line with its code and message, not an "Unhandled error"', async () => {
  const authorized = await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, { token: owner.token, body: {} });
  assert.equal(authorized.status, 201, authorized.text);
  fb.failNext({ path: '/oauth/access_token', status: 500 });
  const code = fb.issueCode({ userId: '10000000009', redirectUri: REDIRECT, scopes: ['public_profile', 'pages_show_list'] });
  const res = await call(t.app, 'POST', `/v1/organizations/${org}/credentials`, {
    token: owner.token,
    body: { code, state: authorized.body.state },
  });
  assert.equal(res.status, 502);
  const logged = await linesOf(res.headers['x-request-id'] as string);
  assert.equal(logged.length, 1, JSON.stringify(logged));
  assert.equal(logged[0].level, 40);
  assert.equal(logged[0].code, 'FACEBOOK.UNAVAILABLE');
  assert.match(String(logged[0].msg), /Facebook/);
  assert.equal(JSON.stringify(logged[0]).includes(code), false, 'no OAuth code in the line');
  assert.equal(
    lines.some((line) => line.msg === 'Unhandled error'),
    false,
  );
});

test('successful health probes are not logged at info; other requests are, once', async () => {
  const before = lines.length;
  const live = await call(t.app, 'GET', '/health/live', {});
  const ready = await call(t.app, 'GET', '/health/ready', {});
  assert.equal(live.status, 200);
  assert.equal(ready.status, 200);
  const me = await call(t.app, 'GET', '/v1/me', { token: owner.token });
  assert.equal(me.status, 200);
  await new Promise((resolve) => setImmediate(resolve));
  const written = lines.slice(before);
  assert.equal(written.filter((line) => String((line.req as { url?: string } | undefined)?.url).startsWith('/health/')).length, 0);
  assert.equal((await linesOf(me.headers['x-request-id'] as string)).length, 1);
});
