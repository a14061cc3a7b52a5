import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SchedulerRegistry } from '@nestjs/schedule';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let token: string;
let org: string;

before(async () => {
  t = await startTestApp();
  token = (await t.user('owner@example.com')).token;
  const res = await call(t.app, 'POST', '/v1/organizations', { token, body: { name: 'No Facebook Org' } });
  org = res.body.id;
});
after(() => t.close());

test('without FACEBOOK_APP_ID the service starts and every credentials route answers 503', async () => {
  assert.equal((await call(t.app, 'GET', '/health/ready')).status, 200);
  const requests: [Parameters<typeof call>[1], string, unknown?][] = [
    ['POST', `/v1/organizations/${org}/credentials/authorize`],
    ['POST', `/v1/organizations/${org}/credentials`, { code: 'c', state: 's' }],
    ['GET', `/v1/organizations/${org}/credentials`],
    ['GET', `/v1/organizations/${org}/credentials/1`],
    ['PUT', `/v1/organizations/${org}/credentials/1`, { code: 'c', state: 's' }],
    ['DELETE', `/v1/organizations/${org}/credentials/1`],
    ['POST', '/v1/facebook/deauthorize', { signed_request: 'a.b' }],
    ['POST', '/v1/facebook/data-deletion', { signed_request: 'a.b' }],
    ['GET', '/v1/facebook/data-deletion/0123456789abcdef01234567'],
  ];
  for (const [method, url, body] of requests) {
    const res = await call(t.app, method, url, { token, body });
    assert.equal(res.status, 503, `${method} ${url}: ${res.text}`);
    assert.equal(res.body.code, 'FACEBOOK.NOT_CONFIGURED');
    assert.match(res.body.message, /FACEBOOK_APP_ID/);
  }
  assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials`)).status, 401, 'authentication still comes first');
  assert.equal(t.app.get(SchedulerRegistry).getIntervals().includes('credential-lifecycle'), false);
});
