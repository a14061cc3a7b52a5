// An internal service subscribing to Entropy's events: the pattern to copy.
//
// - Our own durable quorum queue, bound to the service's topic exchange (Entropy declares no queues).
// - Manual acknowledgements: a message is acked only after it was handled, one at a time in order.
// - Deduplication by the CloudEvent id: delivery is at least once (a relay crash between the
//   broker's confirm and its bookkeeping sends an event again).
// - Poison messages (not JSON, not a CloudEvent) go to a dead-letter exchange and its queue at once;
//   a message whose handling keeps failing follows after DELIVERY_LIMIT attempts.
import { connect } from 'amqplib';

const env = (name, fallback) => process.env[name]?.trim() || fallback;
const AMQP_URL = env('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672');
const EXCHANGE = env('AMQP_EXCHANGE', 'entropy.events');
const QUEUE = env('QUEUE', 'example-consumer.events');
// Routing keys are the CloudEvents type without `tech.entropy.`: `credential.linked`, `member.*`, `#`.
const BINDINGS = env('BINDING', '#').split(',').map((s) => s.trim()).filter(Boolean);
const PREFETCH = Number(env('PREFETCH', '50'));
const DELIVERY_LIMIT = Number(env('DELIVERY_LIMIT', '5'));
const DEAD_LETTER_EXCHANGE = `${QUEUE}.dlx`;
const DEAD_LETTER_QUEUE = `${QUEUE}.dead`;

const log = (level, message, fields = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
const redacted = (url) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/**
 * The ids handled lately, oldest first, bounded so memory stays flat. Enough for an example: it
 * forgets on restart and is per process. A real service records handled ids in its own database,
 * in the same transaction as the effect of the event, with a unique constraint.
 */
class RecentIds {
  constructor(limit) {
    this.limit = limit;
    this.ids = new Set();
  }
  has(id) {
    return this.ids.has(id);
  }
  add(id) {
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value);
  }
}
const seen = new RecentIds(10_000);

/** The CloudEvent in the body, or a reason it is poison. */
function parse(message) {
  let event;
  try {
    event = JSON.parse(message.content.toString('utf8'));
  } catch {
    return { poison: 'the body is not JSON' };
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) return { poison: 'the body is not a JSON object' };
  if (event.specversion !== '1.0') return { poison: 'not a CloudEvent 1.0 (specversion)' };
  for (const field of ['id', 'source', 'type']) {
    if (typeof event[field] !== 'string' || event[field] === '') return { poison: `not a CloudEvent: no ${field}` };
  }
  if (message.properties.messageId && message.properties.messageId !== event.id) return { poison: 'message_id differs from the CloudEvent id' };
  return { event };
}

/** Your service's work goes here. Throwing makes the broker redeliver (up to DELIVERY_LIMIT times). */
async function handle(event) {
  log('info', 'event', { type: event.type, id: event.id, subject: event.subject ?? null, organizationid: event.organizationid ?? null, sequence: event.sequence });
}

async function setup(connection) {
  const channel = await connection.createChannel();
  // A refused declaration (say, a queue declared before with other arguments) arrives as an 'error' event.
  channel.on('error', (error) => log('error', 'channel error', { error: error.message }));
  await channel.assertExchange(EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'fanout', { durable: true });
  await channel.assertQueue(DEAD_LETTER_QUEUE, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await channel.bindQueue(DEAD_LETTER_QUEUE, DEAD_LETTER_EXCHANGE, '');
  await channel.assertQueue(QUEUE, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum', 'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE, 'x-delivery-limit': DELIVERY_LIMIT },
  });
  for (const pattern of BINDINGS) await channel.bindQueue(QUEUE, EXCHANGE, pattern);
  await channel.prefetch(PREFETCH);
  // One message at a time, in delivery order: keeps each organization's events in commit order,
  // and a duplicate right behind its original finds it already recorded as handled.
  let chain = Promise.resolve();
  await channel.consume(QUEUE, (message) => {
    if (message) chain = chain.then(() => onMessage(channel, message)).catch((error) => log('error', 'could not settle a message', { error: String(error?.message ?? error) }));
  });
  log('info', 'consuming', { queue: QUEUE, exchange: EXCHANGE, bindings: BINDINGS, dead_letter_queue: DEAD_LETTER_QUEUE });
}

async function onMessage(channel, message) {
  const { event, poison } = parse(message);
  if (poison) {
    log('warn', 'poison message sent to the dead-letter queue', { reason: poison, routing_key: message.fields.routingKey, message_id: message.properties.messageId ?? null });
    channel.nack(message, false, false); // requeue=false → dead-lettered
    return;
  }
  if (seen.has(event.id)) {
    log('info', 'duplicate ignored', { type: event.type, id: event.id });
    channel.ack(message);
    return;
  }
  try {
    await handle(event);
    seen.add(event.id);
    channel.ack(message);
  } catch (error) {
    log('error', 'handling failed; the broker will redeliver', { type: event.type, id: event.id, error: String(error?.message ?? error) });
    channel.nack(message, false, true);
  }
}

// amqplib's recovery reconnects with backoff and runs `setup` again on every connection.
const connection = await connect(AMQP_URL, { noDelay: true, recovery: { initialDelay: 250, maxDelay: 10_000, waitForConnect: false, setup } });
connection.on('connect', () => log('info', 'connected', { url: redacted(AMQP_URL) }));
connection.on('disconnect', (error) => log('warn', 'disconnected; reconnecting', { error: error.message }));
connection.on('reconnect-scheduled', ({ attempt, delay }) => attempt <= 3 && log('warn', 'broker unreachable; retrying', { attempt, delay_ms: delay }));
connection.on('error', () => undefined);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await connection.close().catch(() => undefined);
    process.exit(0);
  });
}
