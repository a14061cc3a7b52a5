import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect } from 'amqplib';
import { AmqpPublisher, type OutgoingMessage } from '../../src/infrastructure/events/amqp-publisher.js';
import { ROOT } from '../support/processes.js';
import { AMQP_TEST_URL, NEEDS_RABBITMQ, rabbitmqctl, uniqueName } from '../support/rabbitmq.js';
import { TEST_DB } from '../support/test-app.js';

// examples/consumer as the README runs it, against the real broker, on names of its own.
// No database involved: once is enough, in the PostgreSQL pass (not again in the PGlite smoke run).
const skip = NEEDS_RABBITMQ || (TEST_DB === 'pglite' && 'broker only: runs in the PostgreSQL pass');
const exchange = uniqueName('entropy.events.test');
const queue = uniqueName('example-consumer.test');
let consumer: ChildProcess;
let output = '';
let publisher: AmqpPublisher;

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; consumer output:\n${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const lines = () =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function cloudEvent(id: string): OutgoingMessage {
  const body = {
    specversion: '1.0',
    id,
    source: 'http://api.test/v1/organizations/x',
    type: 'tech.entropy.credential.linked',
    subject: 'credentials/7',
    time: '2026-12-01T10:00:00.000Z',
    sequence: '00000000000000000042',
    data: {},
  };
  return { id, type: body.type, routingKey: 'credential.linked', body: Buffer.from(JSON.stringify(body)), time: new Date(body.time) };
}

before(async () => {
  if (skip) return;
  consumer = spawn(process.execPath, [join(ROOT, 'examples/consumer/consumer.js')], {
    env: { ...process.env, AMQP_URL: AMQP_TEST_URL, AMQP_EXCHANGE: exchange, QUEUE: queue },
  });
  consumer.stdout!.on('data', (d) => (output += d));
  consumer.stderr!.on('data', (d) => (output += d));
  await until(() => lines().some((l) => l.message === 'consuming'));
  publisher = new AmqpPublisher(AMQP_TEST_URL, exchange);
  await publisher.start();
  await until(() => publisher.up);
});
after(async () => {
  if (skip) return;
  consumer.kill('SIGTERM');
  await publisher.stop();
  const connection = await connect(AMQP_TEST_URL);
  const channel = await connection.createChannel();
  await channel.deleteQueue(queue);
  await channel.deleteQueue(`${queue}.dead`);
  await channel.deleteExchange(`${queue}.dlx`);
  await channel.deleteExchange(exchange);
  await connection.close();
});

test('declares a durable quorum queue and its dead-letter queue', { skip }, async () => {
  const { stdout } = await rabbitmqctl('list_queues', 'name', 'type', 'durable');
  const rows = stdout.split('\n').map((line) => line.trim().split(/\s+/));
  assert.deepEqual(
    rows.find(([name]) => name === queue),
    [queue, 'quorum', 'true'],
  );
  assert.deepEqual(
    rows.find(([name]) => name === `${queue}.dead`),
    [`${queue}.dead`, 'quorum', 'true'],
  );
});

test('logs each event once, ignores a duplicate id, and dead-letters a poison message', { skip }, async () => {
  const id = randomUUID();
  const poison: OutgoingMessage = { ...cloudEvent(randomUUID()), body: Buffer.from('not a cloud event') };
  assert.deepEqual(await publisher.publish([cloudEvent(id), cloudEvent(id), poison]), ['confirmed', 'confirmed', 'confirmed']);
  await until(() => lines().some((l) => l.message === 'poison message sent to the dead-letter queue'));
  await until(() => lines().some((l) => l.message === 'duplicate ignored'));
  const handled = lines().filter((l) => l.message === 'event');
  assert.equal(handled.length, 1);
  assert.equal(handled[0].id, id);
  assert.equal(handled[0].type, 'tech.entropy.credential.linked');
  assert.equal(handled[0].subject, 'credentials/7');
  const connection = await connect(AMQP_TEST_URL);
  const channel = await connection.createChannel();
  let depth = 0;
  for (let i = 0; i < 40 && depth === 0; i++) {
    depth = (await channel.checkQueue(`${queue}.dead`)).messageCount;
    if (depth === 0) await new Promise((r) => setTimeout(r, 50));
  }
  await connection.close();
  assert.equal(depth, 1);
});
