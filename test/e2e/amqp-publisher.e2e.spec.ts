import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { connect } from 'amqplib';
import { AmqpPublisher, type OutgoingMessage } from '../../src/infrastructure/events/amqp-publisher.js';
import { createVhost, NEEDS_RABBITMQ, QueueProbe, rabbitmqctl, uniqueName } from '../support/rabbitmq.js';
import { TEST_DB } from '../support/test-app.js';

// The publisher alone against the real broker, in a vhost of its own.
let vhost: Awaited<ReturnType<typeof createVhost>>;
let exchange: string;
let publisher: AmqpPublisher;
let probe: QueueProbe;

// No database involved: once is enough, in the PostgreSQL pass (not again in the PGlite smoke run).
const skip = NEEDS_RABBITMQ || (TEST_DB === 'pglite' && 'broker only: runs in the PostgreSQL pass');

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function message(type = 'tech.entropy.organization.created'): OutgoingMessage {
  const id = randomUUID();
  return {
    id,
    type,
    routingKey: type.replace(/^tech\.entropy\./, ''),
    body: Buffer.from(JSON.stringify({ id, type })),
    time: new Date('2026-12-01T10:00:00.000Z'),
  };
}

before(async () => {
  if (skip) return;
  vhost = await createVhost();
  exchange = uniqueName('entropy.events.test');
  publisher = new AmqpPublisher(vhost.url, exchange);
  await publisher.start();
  await until(() => publisher.up);
  probe = await QueueProbe.bind(vhost.url, exchange);
  await probe.consume();
});
after(async () => {
  if (skip) return;
  await publisher.stop();
  await vhost.drop();
});

test('declares the durable topic exchange and publishes persistent CloudEvents with the contract properties', { skip }, async () => {
  const connection = await connect(vhost.url);
  const channel = await connection.createChannel();
  await channel.checkExchange(exchange);
  await connection.close();

  const sent = message();
  assert.deepEqual(await publisher.publish([sent]), ['confirmed']);
  await probe.waitForDistinct(1);
  const { message: got, routingKey } = probe.received[0];
  assert.equal(routingKey, 'organization.created');
  assert.equal(got.properties.contentType, 'application/cloudevents+json');
  assert.equal(got.properties.messageId, sent.id);
  assert.equal(got.properties.type, 'tech.entropy.organization.created');
  assert.equal(got.properties.timestamp, Date.parse('2026-12-01T10:00:00.000Z') / 1000);
  assert.equal(got.properties.deliveryMode, 2);
  assert.deepEqual(JSON.parse(got.content.toString()), { id: sent.id, type: sent.type });
});

test('an unroutable message is reported as returned, not confirmed', { skip }, async () => {
  const lonely = new AmqpPublisher(vhost.url, uniqueName('entropy.events.unbound'));
  await lonely.start();
  try {
    await until(() => lonely.up);
    const outcomes = await lonely.publish([message(), message()]);
    assert.deepEqual(outcomes, ['returned', 'returned']);
  } finally {
    const connection = await connect(vhost.url);
    const channel = await connection.createChannel();
    await channel.deleteExchange(lonely.exchange);
    await connection.close();
    await lonely.stop();
  }
});

test('a pipelined batch is confirmed message by message', { skip }, async () => {
  const batch = Array.from({ length: 500 }, () => message('tech.entropy.member.added'));
  const outcomes = await publisher.publish(batch);
  assert.deepEqual(new Set(outcomes), new Set(['confirmed']));
  await probe.waitForDistinct(501);
});

test('reconnects by itself after the broker closes its connection', { skip }, async () => {
  await rabbitmqctl('close_all_connections', '-p', vhost.name, 'fault test');
  await until(() => !publisher.up);
  await until(() => publisher.up, 15_000);
  assert.deepEqual(await publisher.publish([message()]), ['confirmed']);
  await probe.waitForDistinct(502);
});
