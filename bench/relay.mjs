// The event relay's figures, part of `npm run bench` (or alone: `node bench/relay.mjs` after a build):
// - commit → consumer latency: organizations created one after another over HTTP; the time from
//   the 201 (sent after the commit) to the CloudEvent's arrival in a queue bound to the exchange;
// - backlog drain: BENCH_RELAY_BACKLOG committed events waiting while the service is down, then the
//   rate at which the started relay delivers them (first to last arrival).
// Needs RabbitMQ at BENCH_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672); says so and returns
// null when none answers. Loopback only; the exchange is the run's own and is deleted at the end.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import amqp from 'amqplib';
import pg from 'pg';
import { freePort, freshDatabase, median, round, run, ROOT, sleep, startServer } from './support.mjs';

const AMQP_URL = process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const CREATES = Number(process.env.BENCH_RELAY_CREATES ?? 200);
const BACKLOG = Number(process.env.BENCH_RELAY_BACKLOG ?? 20000);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Arrival times (ms, performance.now()) by event id and by organization of `organization.created`. */
async function consumer(exchange) {
  const connection = await amqp.connect(AMQP_URL, { noDelay: true });
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true });
  await channel.bindQueue(queue, exchange, '#');
  const arrivals = new Map();
  const created = new Map();
  await channel.consume(
    queue,
    (message) => {
      const at = performance.now();
      const event = JSON.parse(message.content.toString('utf8'));
      arrivals.set(event.id, at);
      if (event.type === 'tech.entropy.organization.created') created.set(event.data.organization_id, at);
    },
    { noAck: true },
  );
  return {
    arrivals,
    created,
    async close() {
      await channel.deleteExchange(exchange).catch(() => {});
      await connection.close();
    },
  };
}

async function until(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the relay bench timed out');
    await sleep(5);
  }
}

export async function benchRelay(say) {
  const reachable = await amqp.connect(AMQP_URL).then(
    (c) => c.close().then(() => true),
    () => false,
  );
  if (!reachable) {
    say(`relay: skipped, no RabbitMQ at ${AMQP_URL.replace(/\/\/[^@]*@/, '//')}`);
    return null;
  }
  const exchange = `entropy.bench.${process.pid}.${Date.now()}`;
  const db = await freshDatabase('entropy_bench_relay');
  const env = {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'http://localhost:3000',
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
    DATA_DIR: join(ROOT, 'dist', 'bench-data'),
    RATE_LIMIT_PER_MINUTE: '1000000000',
    AMQP_URL,
    AMQP_EXCHANGE: exchange,
  };
  const events = await consumer(exchange);
  let service;
  try {
    const created = await run(['dist/src/cli.js', 'users:create', '--email', 'relay@example.com', '--name', 'Relay'], env);
    if (created.code !== 0) throw new Error(created.stderr);
    const { access_token: token } = JSON.parse(created.stdout);
    service = await startServer(['dist/bundle/main.mjs'], env, await freePort());
    const url = `http://127.0.0.1:${service.port}/v1/organizations`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // 1. Commit → consumer, one change at a time (no queueing in front of the relay).
    const committedAt = new Map();
    for (let i = 0; i < CREATES; i++) {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ name: `Relay ${i}` }) });
      const at = performance.now();
      if (res.status !== 201) throw new Error(`POST /v1/organizations answered ${res.status}`);
      committedAt.set((await res.json()).id, at);
    }
    await until(() => [...committedAt.keys()].every((id) => events.created.has(id)), 30_000);
    const latencies = [...committedAt].map(([id, at]) => events.created.get(id) - at);

    // 2. Backlog: committed events written while the service is down, drained by the next start.
    await service.stop();
    service = undefined;
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => {});
    await client.connect();
    const ids = Array.from({ length: BACKLOG }, () => randomUUID());
    try {
      const [{ id: org }] = (await client.query('SELECT id FROM organizations LIMIT 1')).rows;
      await client.query(
        `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, subject, data, data_version)
       SELECT id, 'tech.entropy.organization.updated', $2::uuid, 'Organization', $2::text, 'organizations/' || $2::text,
              jsonb_build_object('organization_id', $2::text, 'changed', jsonb_build_array('city')), 1
         FROM unnest($1::uuid[]) AS id`,
        [ids, org],
      );
    } finally {
      await client.end();
    }
    service = await startServer(['dist/bundle/main.mjs'], env, await freePort());
    await until(() => ids.every((id) => events.arrivals.has(id)), 120_000);
    const times = ids.map((id) => events.arrivals.get(id));
    const drainSeconds = (Math.max(...times) - Math.min(...times)) / 1000;

    const result = {
      commit_to_consumer_p50_ms: round(median(latencies), 1),
      commit_to_consumer_p99_ms: round(percentile(latencies, 99), 1),
      backlog_events: BACKLOG,
      drain_events_per_s: round(BACKLOG / drainSeconds, 0),
    };
    say(
      `relay: commit → consumer p50 ${result.commit_to_consumer_p50_ms} ms, p99 ${result.commit_to_consumer_p99_ms} ms (${CREATES} creates); ` +
        `backlog of ${BACKLOG} drained at ${result.drain_events_per_s} events/s`,
    );
    return result;
  } finally {
    await service?.stop();
    await events.close();
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchRelay((line) => process.stdout.write(`${line}\n`));
}
