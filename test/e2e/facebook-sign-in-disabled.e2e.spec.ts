import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Its own file (own process): the embedded database allows one app per process, and the sign-in
// tests need an app with a Facebook app configured.
let t: TestApp;

before(async () => {
  t = await startTestApp({});
});
after(() => t.close());

test('without FACEBOOK_APP_ID the service starts and both sign-in routes answer 503 with a clear message', async () => {
  assert.equal((await call(t.app, 'GET', '/health/live')).status, 200);
  for (const url of ['/v1/auth/facebook', '/v1/auth/facebook?redirect=http://evil.test/', '/v1/auth/facebook/callback?code=x&state=y']) {
    for (const accept of ['application/json', 'text/html']) {
      const res = await call(t.app, 'GET', url, { headers: { accept } });
      assert.equal(res.status, 503, `${url} ${accept}`);
      assert.equal(res.body.code, 'FACEBOOK.NOT_CONFIGURED');
      assert.equal(res.body.statusCode, 503);
      assert.match(res.body.message, /not configured/);
    }
  }
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM oauth_states');
  assert.equal(count, 0);
  const user = await t.user('no-facebook@example.com');
  assert.equal((await call(t.app, 'GET', '/v1/me', { token: user.token })).status, 200);
});
