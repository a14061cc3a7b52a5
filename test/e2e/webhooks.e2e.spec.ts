import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { appConfig, type AppConfig } from '../../src/infrastructure/config/app.config.js';
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
  t = await startTestApp({
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_SCHEDULE: '100ms,100ms,100ms',
    WEBHOOK_TIMEOUT_MS: '1000',
  });
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
  for (const [user, role] of [
    [admin, 'admin'],
    [member, 'member'],
  ] as const) {
    const res = await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
      token: owner.token,
      body: { email: `${user === admin ? 'admin' : 'member'}@example.com`, role },
    });
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
  test('create shows the secret once (no-store), list/get never; 10 at most; URL and event_types validated', async () => {
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
    assert.deepEqual(Object.keys(shown).sort(), [
      'created_at',
      'description',
      'enabled',
      'event_types',
      'id',
      'primary',
      'updated_at',
      'url',
    ]);
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
    const [created] = await t.dataSource.query(
      `SELECT subject, data FROM events WHERE organization_id = $1 AND type = 'tech.entropy.webhook_endpoint.created'`,
      [id],
    );
    assert.equal(created.subject, `webhooks/${shown.id}`);
    assert.deepEqual(created.data, {
      webhook_id: shown.id,
      event_types: ['member.added', 'organization.updated'],
      enabled: true,
      primary: false,
      created_by: { type: 'user', id: admin.id },
    });
    // Stored sealed, never in plain text.
    const [row] = await t.dataSource.query('SELECT encrypted_secret FROM webhook_secrets WHERE endpoint_id = $1', [shown.id]);
    assert.equal(row.encrypted_secret.includes(secret.slice(6)), false);

    // (Private IP literals: see the test below, run without WEBHOOK_ALLOW_PRIVATE_NETWORKS.)
    for (const body of [
      { url: 'ftp://example.com/x' },
      { url: 'not a url' },
      { url: 'http://user:pw@example.com/x' },
      { url: receiver.url(), event_types: ['nope.nothing'] },
      { url: receiver.url(), event_types: [] },
      { url: receiver.url(), secret: 'x' },
    ]) {
      const refused = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body });
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
    const first = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, {
      token: owner.token,
      body: { url: receiver.url('/idem') },
      headers,
    });
    assert.equal(first.status, 201);
    const again = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, {
      token: owner.token,
      body: { url: receiver.url('/idem') },
      headers,
    });
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
    const [event] = await t.dataSource.query(
      `SELECT id FROM events WHERE organization_id = $1 AND type = 'tech.entropy.organization.updated'`,
      [id],
    );
    assert.equal(payload.id, event.id);
    await t.app.get(WebhookDispatcher).settle();
    const log = await deliveries(id, hook.id);
    assert.equal(log.length, 1, JSON.stringify(log));
    assert.equal(log[0].event_id, event.id);
    assert.equal(log[0].status, 'succeeded');
    assert.equal(log[0].attempts, 1);
    assert.equal(log[0].last_status_code, 200);
    assert.ok(log[0].delivered_at);
    // Only the subscribed type: the member.added events of this organization were not sent; nor
    // are another organization's events.
    const elsewhere = await org('Not happy');
    await call(t.app, 'PUT', `/v1/organizations/${elsewhere}`, { token: owner.token, body: { city: 'Lille' } });
    await t.app.get(WebhookDispatcher).settle();
    await new Promise((r) => setTimeout(r, 600));
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
    const retry = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks/${hook.id}/deliveries/${log.id}/retry`, {
      token: owner.token,
    });
    assert.equal(retry.status, 202);
    await receiver.waitFor(() => receiver.on('/down').length >= 5);
    await t.app.get(WebhookDispatcher).settle();
    [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'succeeded');
    assert.equal(log.attempts, 5);
  });
});

describe('endpoint state', () => {
  test('410 Gone disables the endpoint at once (event), later events wait; re-enabling resumes what is pending', async () => {
    const id = await org('Gone');
    receiver.script('/gone', [{ status: 410 }]);
    const hook = await endpoint(id, { url: receiver.url('/gone'), event_types: ['organization.updated'] });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Brest' } });
    await receiver.waitFor(() => receiver.on('/gone').length >= 1);
    await t.app.get(WebhookDispatcher).settle();
    const got = await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${hook.id}`, { token: owner.token });
    assert.equal(got.body.enabled, false);
    const [disabled] = await t.dataSource.query(
      `SELECT data, actor FROM events WHERE organization_id = $1 AND type = 'tech.entropy.webhook_endpoint.disabled'`,
      [id],
    );
    assert.deepEqual(disabled.data, { webhook_id: hook.id, reason: 'gone' });
    assert.deepEqual(disabled.actor, { type: 'system', id: 'webhooks' });
    let [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'pending');
    assert.equal(log.last_status_code, 410);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(receiver.on('/gone').length, 1, 'nothing is sent to a disabled endpoint');
    const patched = await call(t.app, 'PATCH', `/v1/organizations/${id}/webhooks/${hook.id}`, {
      token: owner.token,
      body: { enabled: true },
    });
    assert.equal(patched.status, 200, patched.text);
    await receiver.waitFor(() => receiver.on('/gone').length >= 2);
    await t.app.get(WebhookDispatcher).settle();
    [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'succeeded');
  });

  test('a timeout is a failed attempt, retried', async () => {
    const id = await org('Timeout');
    receiver.script('/sleepy', [{ status: 200, delayMs: 1500 }]);
    const hook = await endpoint(id, { url: receiver.url('/sleepy'), event_types: ['organization.updated'] });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Pau' } });
    await receiver.waitFor(() => receiver.on('/sleepy').length >= 2, 8000);
    await t.app.get(WebhookDispatcher).settle();
    const [log] = await deliveries(id, hook.id);
    assert.equal(log.status, 'succeeded');
    assert.equal(log.attempts, 2);
    const [first, second] = receiver.on('/sleepy');
    assert.equal(first.headers['webhook-id'], second.headers['webhook-id']);
  });

  test("a slow endpoint does not delay another organization's deliveries", async () => {
    const slowOrg = await org('Slow');
    const fastOrg = await org('Fast');
    receiver.fallback('/slow', { status: 200, delayMs: 900 });
    await endpoint(slowOrg, { url: receiver.url('/slow'), event_types: ['organization.updated'] });
    await endpoint(fastOrg, { url: receiver.url('/fast'), event_types: ['organization.updated'] });
    for (let n = 0; n < 5; n++)
      await call(t.app, 'PUT', `/v1/organizations/${slowOrg}`, { token: owner.token, body: { city: `Slow ${n}` } });
    const started = Date.now();
    for (let n = 0; n < 5; n++)
      await call(t.app, 'PUT', `/v1/organizations/${fastOrg}`, { token: owner.token, body: { city: `Fast ${n}` } });
    await receiver.waitFor(() => receiver.on('/fast').length >= 5, 4000);
    const fastDone = Date.now() - started;
    // The slow endpoint takes ~4.5 s for its five; the fast one is not queued behind it.
    assert.ok(receiver.on('/slow').length < 5, `slow got ${receiver.on('/slow').length} in ${fastDone} ms`);
    // Per endpoint, in commit order.
    const cities = receiver.on('/fast').map((r) => JSON.parse(r.body).sequence);
    assert.deepEqual(cities, [...cities].sort());
    await receiver.waitFor(() => receiver.on('/slow').length >= 5, 10_000);
    const slowSequences = receiver.on('/slow').map((r) => JSON.parse(r.body).sequence);
    assert.deepEqual(slowSequences, [...slowSequences].sort());
  });

  test('rotation: for 24 h every delivery carries both signatures, each verifying with its secret', async () => {
    const id = await org('Rotation');
    const hook = await endpoint(id, { url: receiver.url('/rotate'), event_types: ['organization.updated'] });
    const rotated = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks/${hook.id}/rotate_secret`, { token: owner.token });
    assert.equal(rotated.status, 201, rotated.text);
    assert.equal(rotated.headers['cache-control'], 'no-store');
    assert.notEqual(rotated.body.secret, hook.secret);
    assert.deepEqual(
      (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${hook.id}/secret`, { token: owner.token })).body,
      rotated.body,
    );
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Caen' } });
    await receiver.waitFor(() => receiver.on('/rotate').length >= 1);
    const [got] = receiver.on('/rotate');
    assert.equal(String(got.headers['webhook-signature']).split(' ').length, 2);
    verify(hook.secret, got);
    verify(rotated.body.secret, got);
    // Once the overlap is over, only the new secret signs.
    await t.dataSource.query(
      `UPDATE webhook_secrets SET expires_at = now() - interval '1 second' WHERE endpoint_id = $1 AND expires_at IS NOT NULL`,
      [hook.id],
    );
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Rouen' } });
    await receiver.waitFor(() => receiver.on('/rotate').length >= 2);
    const later = receiver.on('/rotate')[1];
    assert.equal(String(later.headers['webhook-signature']).split(' ').length, 1);
    verify(rotated.body.secret, later);
    assert.throws(() => verify(hook.secret, later));
  });

  test('ping: 202 {delivery_id}, a signed tech.entropy.webhook.ping to that endpoint only, not in the feed', async () => {
    const id = await org('Ping');
    const hook = await endpoint(id, { url: receiver.url('/ping'), event_types: ['member.added'] });
    const other = await endpoint(id, { url: receiver.url('/ping-other') });
    const res = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks/${hook.id}/ping`, { token: admin.token });
    assert.equal(res.status, 202, res.text);
    assert.deepEqual(Object.keys(res.body), ['delivery_id']);
    await receiver.waitFor(() => receiver.on('/ping').length >= 1);
    const payload = verify(hook.secret, receiver.on('/ping')[0]) as Record<string, any>;
    assert.equal(payload.type, 'tech.entropy.webhook.ping');
    assert.deepEqual(payload.data, { webhook_id: hook.id });
    await t.app.get(WebhookDispatcher).settle();
    assert.equal(
      receiver.on('/ping-other').some((r) => JSON.parse(r.body).type === 'tech.entropy.webhook.ping'),
      false,
    );
    const feed = await call(t.app, 'GET', `/v1/organizations/${id}/events`, { token: owner.token });
    assert.equal(
      feed.body.some((e: { type: string }) => e.type === 'tech.entropy.webhook.ping'),
      false,
    );
    const log = await deliveries(id, hook.id);
    assert.equal(log.find((d: { id: string }) => d.id === res.body.delivery_id).status, 'succeeded');
    void other;
  });

  test('webhook_url is the primary endpoint: set creates it, a new value moves it, null deletes it; private literals 400', async () => {
    const id = await org('Primary');
    const set = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: owner.token,
      body: { webhook_url: receiver.url('/primary') },
    });
    assert.equal(set.status, 200, set.text);
    let listed = (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token })).body;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].primary, true);
    assert.equal(listed[0].url, receiver.url('/primary'));
    assert.deepEqual(listed[0].event_types, ['*']);
    const secret = (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${listed[0].id}/secret`, { token: owner.token })).body
      .secret;
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { webhook_url: receiver.url('/primary2') } });
    listed = (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token })).body;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].url, receiver.url('/primary2'));
    await receiver.waitFor(() => receiver.on('/primary2').some((r) => JSON.parse(r.body).type === 'tech.entropy.webhook_endpoint.updated'));
    verify(secret, receiver.on('/primary2')[0]);
    // PATCHing the primary's URL moves the profile field too.
    await call(t.app, 'PATCH', `/v1/organizations/${id}/webhooks/${listed[0].id}`, {
      token: owner.token,
      body: { url: receiver.url('/primary3') },
    });
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token })).body.webhook_url, receiver.url('/primary3'));
    const cleared = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { webhook_url: null } });
    assert.equal(cleared.status, 200);
    assert.deepEqual((await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token })).body, []);
    // An organization created with a webhook_url gets its primary endpoint in the same transaction.
    const created = await createOrganization(t.app, owner.token, { name: 'Born with hook', webhook_url: receiver.url('/born') });
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${created}/webhooks`, { token: owner.token })).body[0].primary, true);
  });

  test('without WEBHOOK_ALLOW_PRIVATE_NETWORKS, private IP literals are 400 at creation and in webhook_url (the whole PUT rolled back)', async () => {
    const id = await org('Private literals');
    const settings = t.app.get<AppConfig>(appConfig.KEY);
    settings.webhooks.allowPrivateNetworks = false;
    try {
      for (const url of [
        'http://127.0.0.1/x',
        'http://[::1]/x',
        'http://2130706433/x',
        'http://0x7f.0.0.1/x',
        'http://[::ffff:127.0.0.1]/x',
        'http://169.254.169.254/x',
      ]) {
        const created = await call(t.app, 'POST', `/v1/organizations/${id}/webhooks`, { token: owner.token, body: { url } });
        assert.equal(created.status, 400, `${url}: ${created.text}`);
        assert.deepEqual(
          created.body.details.map((d: { field: string }) => d.field),
          ['url'],
        );
        const put = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Never', webhook_url: url } });
        assert.equal(put.status, 400, `${url}: ${put.text}`);
        assert.deepEqual(
          put.body.details.map((d: { field: string }) => d.field),
          ['webhook_url'],
        );
      }
      const organization = (await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token })).body;
      assert.equal(organization.city, null);
      assert.equal(organization.webhook_url, null);
      assert.deepEqual((await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token })).body, []);
    } finally {
      settings.webhooks.allowPrivateNetworks = true;
    }
  });

  test('deleting an endpoint or its organization cancels pending deliveries', async () => {
    const id = await org('Doomed');
    receiver.fallback('/doomed', { status: 500 });
    const hook = await endpoint(id, { url: receiver.url('/doomed'), event_types: ['organization.updated'] });
    await t.dataSource.query(`UPDATE webhook_endpoints SET enabled = false WHERE id = $1`, [hook.id]);
    await call(t.app, 'PATCH', `/v1/organizations/${id}/webhooks/${hook.id}`, { token: owner.token, body: { description: 'x' } });
    await t.dataSource.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_type, next_attempt_at) VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), 'tech.entropy.organization.updated', now())`,
      [hook.id, id],
    );
    const removed = await call(t.app, 'DELETE', `/v1/organizations/${id}/webhooks/${hook.id}`, { token: owner.token });
    assert.equal(removed.status, 204);
    const [deleted] = await t.dataSource.query(
      `SELECT data FROM events WHERE organization_id = $1 AND type = 'tech.entropy.webhook_endpoint.deleted'`,
      [id],
    );
    assert.equal(deleted.data.cancelled_deliveries, 1);
    assert.equal((await t.dataSource.query('SELECT 1 FROM webhook_deliveries WHERE endpoint_id = $1', [hook.id])).length, 0);
    const second = await endpoint(id, { url: receiver.url('/doomed2') });
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: owner.token })).status, 204);
    assert.equal((await t.dataSource.query('SELECT 1 FROM webhook_endpoints WHERE id = $1', [second.id])).length, 0);
  });

  test('the secret never appears in events, the organization, the lists or the delivery log', async () => {
    const id = await org('Secretive');
    const hook = await endpoint(id, { url: receiver.url('/secretive') });
    const rotated = (await call(t.app, 'POST', `/v1/organizations/${id}/webhooks/${hook.id}/rotate_secret`, { token: owner.token })).body
      .secret;
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'Albi' } });
    await receiver.waitFor(() => receiver.on('/secretive').length >= 2);
    await t.app.get(WebhookDispatcher).settle();
    const texts = [
      JSON.stringify(await t.dataSource.query('SELECT * FROM events WHERE organization_id = $1', [id])),
      JSON.stringify(await t.dataSource.query('SELECT * FROM webhook_deliveries WHERE organization_id = $1', [id])),
      (await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token })).text,
      (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks`, { token: owner.token })).text,
      (await call(t.app, 'GET', `/v1/organizations/${id}/webhooks/${hook.id}/deliveries`, { token: owner.token })).text,
      (await call(t.app, 'GET', `/v1/organizations/${id}/events`, { token: owner.token })).text,
      ...receiver.on('/secretive').map((r) => r.body),
    ];
    for (const secret of [hook.secret, rotated]) {
      for (const text of texts) {
        assert.equal(text.includes(secret), false);
        assert.equal(text.includes(secret.slice(6)), false);
      }
    }
  });
});
