import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertCounted, assertLimited, from } from '../support/rate-limits.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PER_ADDRESS = 3;

let t: TestApp;

before(async () => {
  t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS) });
});
after(() => t.close());

test('without Facebook configured the sign-in and callback routes are limited before they answer 503', async () => {
  for (let i = 1; i <= PER_ADDRESS; i++) {
    const res = await from(t.app, '203.0.113.30', 'GET', i % 2 ? '/v1/auth/facebook' : '/v1/auth/facebook/callback?state=x');
    assert.equal(res.status, 503, res.text);
    assertCounted(res, PER_ADDRESS, PER_ADDRESS - i);
  }
  assertLimited(await from(t.app, '203.0.113.30', 'GET', '/v1/auth/facebook'), PER_ADDRESS);
  assertLimited(await from(t.app, '203.0.113.30', 'POST', '/v1/facebook/deauthorize'), PER_ADDRESS);
  assert.equal((await from(t.app, '203.0.113.31', 'POST', '/v1/facebook/deauthorize')).status, 503);
});
