import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CLAIM, UNROUTABLE } from '../../src/infrastructure/events/event-relay.js';
import { call, createOrganization } from '../support/http.js';
import { freePort } from '../support/processes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// AMQP_URL names a broker that is not there: the service starts and serves anyway.
let t: TestApp;
let token: string;

before(async () => {
  // Resolving at all proves start-up does not wait for the broker: it never answers here.
  t = await startTestApp({ AMQP_URL: `amqp://guest:secret-password@127.0.0.1:${await freePort()}` });
  token = (await t.user('down-owner@example.com')).token;
});
after(() => t.close());

test('/health/ready is 503 naming rabbitmq down while the API keeps answering and events wait in the log', async () => {
  const ready = await call(t.app, 'GET', '/health/ready');
  assert.equal(ready.status, 503);
  assert.equal(ready.body.status, 'unavailable');
  assert.equal(ready.body.database, 'up');
  assert.equal(ready.body.rabbitmq, 'down');
  assert.equal(ready.body.details.rabbitmq.dead_events, 0);
  assert.equal(ready.text.includes('secret-password'), false);
  assert.equal((await call(t.app, 'GET', '/health/live')).status, 200);

  const organizationId = await createOrganization(t.app, token, { name: 'Waiting Org' });
  assert.equal((await call(t.app, 'GET', `/v1/organizations/${organizationId}`, { token })).status, 200);
  await new Promise((r) => setTimeout(r, 700));
  const [row] = await t.dataSource.query('SELECT sequence, published_at, publish_attempts FROM events WHERE organization_id = $1', [
    organizationId,
  ]);
  assert.notEqual(row.sequence, null, 'stamped');
  assert.equal(row.published_at, null);
  assert.equal(row.publish_attempts, 0, 'an outage is not held against the event');
});

test("the claim skips an organization's events behind one backing off after a refusal, and nobody else's", async () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const base = 1_000_000_000_000;
  const rows: [string, string, number, string | null, string | null][] = [
    ['a1', a, 1, "now() + interval '1 hour'", 'nacked: the broker refused the message'],
    ['a2', a, 2, null, null],
    ['b1', b, 3, null, null],
    ['c1', c, 4, "now() + interval '1 hour'", `${UNROUTABLE} no queue is bound`],
    ['c2', c, 5, null, null],
    ['a0', a, 0, null, null],
  ];
  const ids = new Map<string, string>(rows.map(([name]) => [randomUUID(), name]));
  const byName = new Map([...ids].map(([id, name]) => [name, id]));
  for (const [name, organizationId, offset, nextAttemptAt, lastError] of rows) {
    await t.dataSource.query(
      `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version, sequence, committed_at, next_attempt_at, last_error, publish_attempts)
       VALUES ($1, 'tech.entropy.organization.updated', $2::uuid, 'Organization', $2::text, '{}', 1, $3, now(), ${nextAttemptAt ?? 'NULL'}, $4, $5)`,
      [byName.get(name), organizationId, base + offset, lastError, lastError ? 1 : 0],
    );
  }
  const claimed: { id: string }[] = await t.dataSource.transaction((manager) => manager.query(CLAIM, [200]));
  const names = claimed.map((row) => ids.get(row.id)).filter(Boolean);
  // a0 precedes the refused a1 and goes; a2 waits behind a1; an unroutable c1 holds nothing back.
  assert.deepEqual(names, ['a0', 'b1', 'c2']);
  await t.dataSource.query('DELETE FROM events WHERE id = ANY($1::uuid[])', [[...ids.keys()]]);
});
