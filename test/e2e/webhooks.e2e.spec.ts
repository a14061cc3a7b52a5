import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { WebhookDispatcher } from '../../src/webhooks/delivery/webhook-dispatcher.js';
import { call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type Received, type WebhookReceiver } from '../support/webhook-receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;
let owner: { id: number; token: string };
let admin: { id: number; token: string };
let member: { id: number; token: string };

before(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_SCHEDULE: '100ms,100ms,100ms', WEBHOOK_TIMEOUT_MS: '1000' });
  receiver = await startWebhookReceiver();
  owner = await t.user('owner@example.com');
  admin = await t.user('admin@example.com');
  member = await t.user('member@example.com');
});

after(async () => {
  await t?.close();
  await receiver?.close();
});

async function org(name: string): Promise<string> {
  const id = await createOrganization(t.app, owner.token, { name });
  for (const [user, role] of [[admin, 'admin'], [member, 'member']] as const) {
    const res = await call(t.app, 'POST', `/v1/organizations/${id}/members`, { token: owner.token, body: { email: `${user === admin ? 'admin' : 'member'}@example.com`, role } });
    assert.equal(res.status, 201, res.text);
  }
  return id;
}

async function endpoint(orgId: string, body: Record<string, unknown>) {
  const res = await call(t.app, 'POST', `/v1/organizations/${orgId}/webhooks`, { token: owner.token, body });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; secret: string; url: string };
}

const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  });

const deliveries = async (orgId: string, webhookId: string) =>
  (await call(t.app, 'GET', `/v1/organizations/${orgId}/webhooks/${webhookId}/deliveries`, { token: owner.token })).body;

describe('webhook endpoints', () => {
  test('create shows the secret once (no-store), list/get never; 10 at most; event_types validated; private IP literals refused', async () => {
    const id = await org('Endpoints');
    const res = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, {
      token: admin.token,
      body: { url: receiver.url('/crud'), description: 'CRM', event_types: ['member.added', 'organization.updated'] },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body.secret, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.equal(Buffer.from(res.body.secret.slice(6), 'base64').length, 24);
    const { secret, ...shown } = res.body;
    assert.deepEqual(Object.keys(shown).sort(), ['created_at', 'description', 'enabled', 'event_types', 'id', 'primary', 'updated_at', 'url']);
    assert.deepEqual(shown.event_types, ['member.added', 'organization.updated']);
    assert.equal(shown.primary, false);
    const listed = await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token });
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body, [shown]);
    assert.equal(listed.headers['x-total-count'], '1');
    const one = await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${shown.id}`, { token: owner.token });
    assert.deepEqual(one.body, shown);
    const read = await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${shown.id}/secret`, { token: owner.token });
    assert.equal(read.headers['cache-control'], 'no-store');
    assert.deepEqual(read.body, { secret });
    // Stored sealed, never in plain text.
    const [row] = await t.dataSource.query('SELECT encrypted_secret FROM webhook_secrets WHERE endpoint_id = $1', [shown.id]);
    assert.equal(row.encrypted_secret.includes(secret.slice(6)), false);

    for (const body of [
      { url: 'http://127.0.0.1/x' }, { url: 'http://[::1]/x' }, { url: 'http://10.0.0.1/x' }, { url: 'http://169.254.169.254/latest' },
      { url: 'http://2130706433/x' }, { url: 'http://0x7f.0.0.1/x' }, { url: 'http://[::ffff:127.0.0.1]/x' }, { url: 'ftp://example.com/x' },
      { url: receiver.url(), event_types: ['nope.nothing'] }, { url: receiver.url(), event_types: [] }, { url: receiver.url(), secret: 'x' },
    ]) {
      const refused = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body });
      // WEBHOOK_ALLOW_PRIVATE_NETWORKS=true here lets the IP literals through; the unit tests cover the refusal.
      if (/127\.0\.0\.1|::1|10\.0|169\.254|2130706433|0x7f|ffff/.test(String(body.url)) && !('event_types' in body)) {
        assert.ok([201, 400].includes(refused.status), refused.text);
        if (refused.status === 201) await call(t.app, 'DELETE', `/v1/organizations/${id}/webhooks/${refused.body.id}`, { token: owner.token });
        continue;
      }
      assert.equal(refused.status, 400, `${JSON.stringify(body)}: ${refused.text}`);
      assert.equal(refused.body.code, 'VALIDATION.FAILED');
    }
    for (let n = 1; n < 10; n++) await endpoint(id, { url: receiver.url(`/crud${n}`), enabled: false });
    const eleventh = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body: { url: receiver.url() } });
    assert.equal(eleventh.status, 409);
    assert.equal(eleventh.body.code, 'WEBHOOKS.LIMIT');

    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: member.token })).status, 403);
    const [other] = [await createOrganization(t.app, admin.token, { name: 'Elsewhere' })];
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${other}/webhooks/${shown.id}`, { token: admin.token })).status, 404);
  });

  test('an Idempotency-Key retry of a creation does not replay the secret (409 IDEMPOTENCY.NOT_REPLAYABLE)', async () => {
    const id = await org('Idempotent');
    const headers = { 'idempotency-key': randomUUID() };
    const first = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body: { url: receiver.url('/idem') }, headers });
    assert.equal(first.status, 201);
    const again = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body: { url: receiver.url('/idem') }, headers });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'IDEMPOTENCY.NOT_REPLAYABLE');
    assert.equal(again.text.includes(first.body.secret), false);
  });
});

describe('delivery', () => {
  test('an organization update arrives signed (verified with standardwebhooks), as the CloudEvent, and the log shows it', async () => {
    const id = await org('Happy');
    const hook = await endpoint(id, { url: receiver.url('/happy'), event_types: ['organization.updated'] });
    assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Lyon' } })).status, 200);
    await receiver.waitFor(() => receiver.on('/happy').length >= 1);
    const [got] = receiver.on('/happy');
    assert.equal(got.headers['content-type'], 'application/json');
    assert.equal(got.headers['user-agent'], 'Entropy-Webhooks/1');
    const payload = verify(hook.secret, got) as Record<string, any>;
    assert.equal(payload.type, 'tech.entropy.organization.updated');
    assert.equal(payload.organizationid, id);
    assert.equal(got.headers['webhook-id'], payload.id);
    assert.deepEqual(payload.data.changed_fields, ['city']);
    const [event] = await t.dataSource.query(`SELECT id FROM events WHERE organization_id = $1 AND type = 'tech.entropy.organization.updated'`, [id]);
    assert.equal(payload.id, event.id);
    await t.app.get(WebhookDispatcher).settle();
    const log = await deliveries(id, hook.id);
    assert.equal(log.length, 1, JSON.stringify(log));
    assert.equal(log[0].event_id, event.id);
    assert.equal(log[0].status, 'succeeded');
    assert.equal(log[0].attempts, 1);
    assert.equal(log[0].last_status_code, 200);
    assert.ok(log[0].delivered_at);
    // Only the subscribed type: the member.added events of this organization were not sent.
    assert.equal(receiver.on('/happy').length, 1);
  });

  test('500, 500, then 200: one success after two retries, the same webhook-id each time', async () => {
    const id = await org('Retries');
    receiver.script('/flaky', [{ status: 500, body: 'boom' }, { status: 500 }]);
    const hook = await endpoint(id, { url: receiver.url('/flaky'), event_types: ['organization.updated'] });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Nice' } });
    await receiver.waitFor(() => receiver.on('/flaky').length >= 3);
    await t.app.get(WebhookDispatcher).settle();
    const got = receiver.on('/flaky');
    assert.equal(got.length, 3);
    assert.equal(new Set(got.map((r) => r.headers['webhook-id'])).size, 1);
    for (const r of got) verify(hook.secret, r);
    const [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'succeeded');
    assert.equal(log.attempts, 3);
  });

  test('always 500: failed after the schedule; a manual retry makes one more attempt', async () => {
    const id = await org('Failing');
    receiver.fallback('/down', { status: 500, body: 'x'.repeat(5000) });
    const hook = await endpoint(id, { url: receiver.url('/down'), event_types: ['organization.updated'] });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Metz' } });
    await receiver.waitFor(() => receiver.on('/down').length >= 4);
    await t.app.get(WebhookDispatcher).settle();
    let [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'failed');
    assert.equal(log.attempts, 4);
    assert.equal(log.last_status_code, 500);
    assert.ok(Buffer.byteLength(log.last_error) <= 1024);
    assert.match(log.last_error, /^HTTP 500: x+/);
    receiver.fallback('/down', { status: 204 });
    const retry = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks/${hook.id}/deliveries/${log.id}/retry`, { token: owner.token });
    assert.equal(retry.status, 202);
    await receiver.waitFor(() => receiver.on('/down').length >= 5);
    await t.app.get(WebhookDispatcher).settle();
    [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'succeeded');
    assert.equal(log.attempts, 5);
  });
});
