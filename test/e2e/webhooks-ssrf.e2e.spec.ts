import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WebhookDispatcher } from '../../src/webhooks/delivery/webhook-dispatcher.js';
import { call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// The service as deployed: WEBHOOK_ALLOW_PRIVATE_NETWORKS unset.
let t: TestApp;
let target: WebhookReceiver;

before(async () => {
  t = await startTestApp({ WEBHOOK_RETRY_SCHEDULE: '1h' });
  target = await startWebhookReceiver();
});
after(async () => {
  await t?.close();
  await target?.close();
});

test('a name that resolves to loopback is refused at each delivery: a failed attempt saying why, nothing reaches the target', async () => {
  const owner = await t.user('owner@example.com');
  const id = await createOrganization(t.app, owner.token, { name: 'Rebinding' });
  const url = `http://localhost:${new URL(target.url()).port}/internal`;
  const created = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, {
    token: owner.token,
    body: { url, event_types: ['organization.updated'] },
  });
  assert.equal(created.status, 201, created.text);
  const literal = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, {
    token: owner.token,
    body: { url: target.url('/literal') },
  });
  assert.equal(literal.status, 400);
  assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Lyon' } })).status, 200);
  const dispatcher = t.app.get(WebhookDispatcher);
  let log: { status: string; attempts: number; last_error: string | null; last_status_code: number | null }[] = [];
  for (let i = 0; i < 100 && !(log[0]?.attempts >= 1); i++) {
    await new Promise((r) => setTimeout(r, 50));
    await dispatcher.settle();
    log = (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${created.body.id}/deliveries`, { token: owner.token })).body;
  }
  assert.equal(log.length, 1);
  assert.equal(log[0].status, 'pending');
  assert.equal(log[0].attempts, 1);
  assert.equal(log[0].last_status_code, null);
  assert.match(log[0].last_error ?? '', /refused localhost: it resolves to (127\.0\.0\.1|::1) \(loopback address\)/);
  assert.equal(target.received.length, 0);
});
