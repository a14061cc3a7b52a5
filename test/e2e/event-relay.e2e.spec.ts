import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect } from 'amqplib';
import { toCloudEvent, type StoredEvent } from '../../src/infrastructure/events/cloud-event.js';
import { STORED_EVENT_COLUMNS } from '../../src/infrastructure/events/event-record.entity.js';
import { EventRelayOptions } from '../../src/infrastructure/events/event-relay.service.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, createOrganization } from '../support/http.js';
import { AMQP_TEST_URL, NEEDS_RABBITMQ, QueueProbe, uniqueName } from '../support/rabbitmq.js';
import pg from 'pg';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

// The relay inside the real app, against the real broker, on an exchange of this file's own.
const skip = NEEDS_RABBITMQ;
const exchange = uniqueName('entropy.events.test');
let t: TestApp;
let probe: QueueProbe;
let token: string;
let fb: FakeFacebook;
const REDIRECT = 'http://app.test/facebook/callback';

async function until<T>(read: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const stored = async (id: string): Promise<StoredEvent> =>
  (await t.dataSource.query(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE id = $1`, [id]))[0];
const eventsOf = async (organizationId: string): Promise<StoredEvent[]> =>
  t.dataSource.query(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE organization_id = $1 ORDER BY events.sequence`, [organizationId]);

before(async () => {
  if (skip) return;
  probe = await QueueProbe.bind(AMQP_TEST_URL, exchange);
  await probe.consume();
  fb = await startFakeFacebook();
  fb.addUser({ id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' });
  t = await startTestApp({
    ...fb.env(),
    FACEBOOK_LINK_REDIRECT_URI: REDIRECT,
    AMQP_URL: AMQP_TEST_URL,
    AMQP_EXCHANGE: exchange,
    RELAY_MAX_ATTEMPTS: '3',
  });
  Object.assign(t.app.get(EventRelayOptions), { backoffBaseMs: 50, backoffMaxMs: 200 });
  token = (await t.user('relay-owner@example.com')).token;
  await until(async () => (await call(t.app, 'GET', '/health/ready')).body.rabbitmq === 'up');
});
after(async () => {
  if (skip) return;
  await t.close();
  await fb.close();
  await probe.drop();
});

test('a change arrives as a CloudEvent with the contract properties, and is marked delivered', { skip }, async () => {
  const organizationId = await createOrganization(t.app, token, { name: 'Relayed Org' });
  const received = await until(async () => probe.received.find((r) => r.body.organizationid === organizationId));
  const [event] = await eventsOf(organizationId);
  const { message, routingKey, body } = received;
  assert.equal(routingKey, 'organization.created');
  assert.equal(message.fields.exchange, exchange);
  assert.equal(message.properties.contentType, 'application/cloudevents+json');
  assert.equal(message.properties.messageId, event.id);
  assert.equal(message.properties.type, 'tech.entropy.organization.created');
  assert.equal(message.properties.deliveryMode, 2);
  assert.equal(message.properties.timestamp, Math.floor(new Date(event.committedAt!).getTime() / 1000));
  assert.deepEqual(body, toCloudEvent(event, 'http://api.test'));
  assert.equal(body.specversion, '1.0');
  assert.equal(body.source, `http://api.test/v1/organizations/${organizationId}`);
  const delivered = await until(async () => (await stored(event.id)).publishedAt);
  assert.ok(delivered);
});

test('linking a Facebook credential: tech.entropy.credential.linked arrives, the same CloudEvent as in the feed', { skip }, async () => {
  const organizationId = await createOrganization(t.app, token, { name: 'Linking Org' });
  const authorize = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials/authorize`, { token, body: {} });
  assert.equal(authorize.status, 201, authorize.text);
  const code = fb.issueCode({ userId: '10000000001', redirectUri: REDIRECT, scopes: ['public_profile', 'pages_show_list'] });
  const linked = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials`, {
    token,
    body: { code, state: authorize.body.state },
  });
  assert.equal(linked.status, 201, linked.text);
  const received = await until(async () =>
    probe.received.find((r) => r.body.organizationid === organizationId && r.routingKey === 'credential.linked'),
  );
  assert.equal(received.body.type, 'tech.entropy.credential.linked');
  assert.equal(received.body.subject, `credentials/${linked.body.id}`);
  const feed = await call(t.app, 'GET', `/v1/organizations/${organizationId}/events?type=credential.linked`, { token });
  assert.equal(feed.status, 200, feed.text);
  assert.deepEqual(feed.body, [received.body]);
});

test("one organization's events arrive in commit (sequence) order", { skip }, async () => {
  const organizationId = await createOrganization(t.app, token, { name: 'Ordered Org' });
  for (let i = 0; i < 30; i++) {
    const res = await call(t.app, 'PUT', `/v1/organizations/${organizationId}`, { token, body: { city: `City ${i}` } });
    assert.equal(res.status, 200, res.text);
  }
  await until(async () => probe.received.filter((r) => r.body.organizationid === organizationId).length >= 31);
  const events = await eventsOf(organizationId);
  assert.equal(events.length, 31);
  const sequences = probe.received.filter((r) => r.body.organizationid === organizationId).map((r) => r.body.sequence as string);
  assert.deepEqual(
    sequences,
    events.map((e) => e.sequence!.padStart(20, '0')),
  );
});

test('/health/ready reports the broker by name and the parked events', { skip }, async () => {
  const res = await call(t.app, 'GET', '/health/ready');
  assert.equal(res.status, 200);
  assert.equal(res.body.status, 'ok');
  assert.equal(res.body.database, 'up');
  assert.equal(res.body.rabbitmq, 'up');
  assert.deepEqual(res.body.details.rabbitmq, { exchange, dead_events: 0 });
});

test('an unroutable event (no queue bound) is retried with backoff, then parked dead, and counted', { skip }, async () => {
  const connection = await connect(AMQP_TEST_URL);
  const channel = await connection.createChannel();
  await channel.unbindQueue(probe.queue, exchange, '#');
  try {
    const organizationId = await createOrganization(t.app, token, { name: 'Nobody Listens' });
    const [event] = await eventsOf(organizationId);
    const dead = await until(async () => {
      const row = await stored(event.id);
      return row.deadAt ? row : undefined;
    });
    assert.equal(dead.publishAttempts, 3);
    assert.equal(dead.publishedAt, null);
    assert.match(dead.lastError!, /^unroutable: no queue is bound to .* for organization\.created$/);
    const health = await call(t.app, 'GET', '/health/ready');
    assert.equal(health.status, 200, 'a parked event is reported, not a reason to leave the rotation');
    assert.equal(health.body.details.rabbitmq.dead_events, 1);
  } finally {
    await channel.bindQueue(probe.queue, exchange, '#');
    await connection.close();
  }
  // Events after it flow as before.
  const next = await createOrganization(t.app, token, { name: 'Heard Again' });
  await until(async () => probe.received.find((r) => r.body.organizationid === next));
});

test('a row that cannot become a valid CloudEvent is parked at once and blocks nothing', { skip }, async () => {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
     VALUES (gen_random_uuid(), '', NULL, 'User', '1', '{}', 1) RETURNING id`,
  );
  const dead = await until(async () => {
    const row = await stored(id);
    return row.deadAt ? row : undefined;
  });
  assert.equal(dead.publishAttempts, 1);
  assert.match(dead.lastError!, /^invalid CloudEvent: /);
  const next = await createOrganization(t.app, token, { name: 'After The Poison Row' });
  await until(async () => probe.received.find((r) => r.body.organizationid === next));
});

test(
  'events stamped by another replica wake the relay at once (NOTIFY from the stamp), not at the next poll',
  { skip: skip || NEEDS_POSTGRES },
  async () => {
    const options = t.app.get(EventRelayOptions);
    const pollMs = options.pollMs;
    options.pollMs = 60_000;
    await new Promise((r) => setTimeout(r, pollMs + 100)); // the sleep in progress ends on the old poll
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // Another replica's sequencer: inserted and stamped in one transaction, so this process never stamps it.
      const organizationId = await createOrganization(t.app, token, { name: 'Stamped Elsewhere' });
      await until(async () => probe.received.find((r) => r.body.organizationid === organizationId));
      await other.query('BEGIN');
      const { rows } = await other.query(
        `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
       VALUES (gen_random_uuid(), 'tech.entropy.organization.updated', $1::uuid, 'Organization', $1::text, '{"changed_fields":[]}', 1) RETURNING id`,
        [organizationId],
      );
      await other.query(`UPDATE events SET sequence = nextval('events_sequence_seq'), committed_at = clock_timestamp() WHERE id = $1`, [
        rows[0].id,
      ]);
      await other.query('COMMIT');
      await until(async () => probe.received.find((r) => r.message.properties.messageId === rows[0].id), 5_000);
    } finally {
      options.pollMs = pollMs;
      await other.end();
    }
  },
);
