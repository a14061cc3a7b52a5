import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { freePort, startService, type Service } from '../support/processes.js';
import { createTestDatabase, NEEDS_POSTGRES, type TestDatabase } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Two real service processes on one PostgreSQL, as replicas run in production.
let db: TestDatabase;
let receiver: WebhookReceiver;
const replicas: { service: Service; base: string }[] = [];
let token: string;
let client: pg.Client;

async function startReplica(env: Record<string, string>): Promise<{ service: Service; base: string }> {
  const port = await freePort();
  const service = startService({
    ...db.env,
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://api.test',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_TIMEOUT_MS: '1000',
    WEBHOOK_RETRY_SCHEDULE: '200ms,200ms,200ms,200ms,200ms',
    ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    ...env,
  });
  await service.waitFor(/Listening on/);
  return { service, base: `http://127.0.0.1:${port}` };
}

async function api(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

before(async () => {
  if (NEEDS_POSTGRES) return;
  db = await createTestDatabase('postgres');
  receiver = await startWebhookReceiver();
  const first = await startReplica({});
  token = (await first.service.waitFor(/Session token \(shown once\): (ent_s_\w+)/))[1];
  replicas.push(first, await startReplica({}));
  client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
});

after(async () => {
  await client?.end();
  for (const { service } of replicas) await service.stop();
  await receiver?.close();
  await db?.drop();
});

async function setUp(path: string) {
  const org = await api(replicas[0].base, 'POST', '/v1/organizations', { name: `Replicas ${path}` });
  assert.equal(org.status, 201, org.text);
  const hook = await api(replicas[1].base, 'POST', `/v1/organizations/${org.body.id}/webhooks`, {
    url: receiver.url(path),
    event_types: ['organization.updated'],
  });
  assert.equal(hook.status, 201, hook.text);
  return { orgId: org.body.id as string, secret: hook.body.secret as string };
}

async function eventIds(orgId: string): Promise<string[]> {
  const { rows } = await client.query(`SELECT id FROM events WHERE organization_id = $1 AND type = 'tech.entropy.organization.updated'`, [
    orgId,
  ]);
  return rows.map((r) => r.id);
}

test('two replicas deliver each event once, signed, in commit order', { skip: NEEDS_POSTGRES }, async () => {
  const { orgId, secret } = await setUp('/twice');
  receiver.fallback('/twice', { status: 200, delayMs: 20 });
  for (let n = 0; n < 24; n++) {
    const res = await api(replicas[n % 2].base, 'PUT', `/v1/organizations/${orgId}`, { city: `City ${n}` });
    assert.equal(res.status, 200, res.text);
  }
  const ids = await eventIds(orgId);
  assert.equal(ids.length, 24);
  await receiver.waitFor(() => new Set(receiver.on('/twice').map((r) => r.headers['webhook-id'])).size >= 24, 20_000);
  await new Promise((r) => setTimeout(r, 800));
  const got = receiver.on('/twice');
  assert.equal(got.length, 24, 'each event exactly once');
  assert.deepEqual(new Set(got.map((r) => r.headers['webhook-id'])), new Set(ids));
  const sequences = got.map((r) => JSON.parse(r.body).sequence);
  assert.deepEqual(sequences, [...sequences].sort());
  for (const r of got) {
    new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
  }
});

test(
  'SIGKILL of a replica during deliveries loses none: the other one sends what it held once the lease ends',
  { skip: NEEDS_POSTGRES },
  async () => {
    const { orgId, secret } = await setUp('/killed');
    receiver.fallback('/killed', { status: 200, delayMs: 150 });
    const victim = replicas[0];
    for (let n = 0; n < 16; n++) {
      const res = await api(victim.base, 'PUT', `/v1/organizations/${orgId}`, { city: `Town ${n}` });
      assert.equal(res.status, 200, res.text);
    }
    await receiver.waitFor(() => receiver.on('/killed').length >= 2, 10_000);
    victim.service.child.kill('SIGKILL');
    await victim.service.stop();
    const ids = await eventIds(orgId);
    assert.equal(ids.length, 16);
    await receiver.waitFor(() => new Set(receiver.on('/killed').map((r) => r.headers['webhook-id'])).size >= 16, 20_000);
    const { rows } = await client.query(
      `SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE organization_id = $1 GROUP BY status`,
      [orgId],
    );
    // Every delivery row ends succeeded (none lost); a repeat of the one in flight at the kill is allowed.
    for (let i = 0; i < 50 && !(rows.length === 1 && rows[0].status === 'succeeded'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows.splice(
        0,
        rows.length,
        ...(
          await client.query(`SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE organization_id = $1 GROUP BY status`, [
            orgId,
          ])
        ).rows,
      );
    }
    assert.deepEqual(rows, [{ status: 'succeeded', n: 16 }]);
    assert.ok(receiver.on('/killed').length <= 17, `at most the one in flight is sent twice, got ${receiver.on('/killed').length}`);

    // No secret in any replica's log.
    for (const { service } of replicas) {
      assert.equal(service.output().includes(secret), false);
      assert.equal(service.output().includes(secret.slice(6)), false);
    }
  },
);
