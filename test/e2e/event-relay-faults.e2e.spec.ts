import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { RELAY_APPLICATION_NAME } from '../../src/infrastructure/events/relay-session.js';
import { freePort, startService, type Service } from '../support/processes.js';
import { createVhost, NEEDS_RABBITMQ, QueueProbe, rabbitmqctl, uniqueName } from '../support/rabbitmq.js';
import { createTestDatabase, NEEDS_POSTGRES, type TestDatabase } from '../support/test-app.js';

// The built service as real processes against one PostgreSQL and one RabbitMQ (a vhost of this
// file's own, so closing its connections touches nobody else), on loopback, each step bounded.
const skip = NEEDS_POSTGRES || NEEDS_RABBITMQ;
const exchange = uniqueName('entropy.events.test');
let database: TestDatabase;
let vhost: Awaited<ReturnType<typeof createVhost>>;
let probe: QueueProbe;
let db: pg.Client;
let token: string;
const services: Service[] = [];

/** What every process of this file runs with; the bursts would otherwise meet the per-caller rate limit. */
const serviceEnv = () => ({
  ...database.env,
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  PUBLIC_URL: 'http://api.test',
  AMQP_URL: vhost.url,
  AMQP_EXCHANGE: exchange,
  RATE_LIMIT_PER_MINUTE: '1000000',
});

interface Replica {
  service: Service;
  base: string;
}

async function startReplica(): Promise<Replica> {
  const port = await freePort();
  const service = startService({ ...serviceEnv(), PORT: String(port) });
  services.push(service);
  const base = `http://127.0.0.1:${port}`;
  await until(
    async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200,
    30_000,
    () => service.output(),
  );
  return { service, base };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out ${explain()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function send(replica: Replica, method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${replica.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Concurrent organization creations until `stop()` (or the service dies); resolves with the 201s. */
function burst(replica: Replica, workers = 6): { stop(): void; done: Promise<number> } {
  let stopped = false;
  let created = 0;
  const worker = async () => {
    while (!stopped) {
      try {
        const res = await send(replica, 'POST', '/v1/organizations', { name: `Burst ${Math.random()}` });
        if (res.status === 201) created++;
      } catch {
        return; // the process was killed under us
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker)).then(() => created);
  return { stop: () => (stopped = true), done };
}

/** Every committed event reaches the broker: the probe has received each id the log holds. */
async function everyCommittedEventArrives(timeoutMs = 20_000): Promise<number> {
  let ids: string[] = [];
  await until(
    async () => {
      ids = (await db.query<{ id: string }>('SELECT id FROM events')).rows.map((r) => r.id);
      await probe.ensureConsuming();
      const got = new Set(probe.ids());
      return ids.every((id) => got.has(id));
    },
    timeoutMs,
    () => `${ids.filter((id) => !new Set(probe.ids()).has(id)).length} of ${ids.length} events never arrived`,
  );
  return ids.length;
}

before(async () => {
  if (skip) return;
  database = await createTestDatabase('postgres');
  vhost = await createVhost();
  probe = await QueueProbe.bind(vhost.url, exchange);
  await probe.consume();
  db = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await db.connect();
});
after(async () => {
  if (skip) return;
  for (const service of services) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await db.end();
  await vhost.drop();
  await database.drop();
});

let a: Replica;

test('SIGKILL during a burst of writes: after a restart every committed event reaches the broker', { skip }, async () => {
  const port = await freePort();
  const first = startService({ ...serviceEnv(), PORT: String(port) });
  services.push(first);
  token = (await first.waitFor(/Session token \(shown once\): (ent_s_\w+)/))[1];
  const killed: Replica = { service: first, base: `http://127.0.0.1:${port}` };
  await until(async () => (await fetch(`${killed.base}/health/ready`)).status === 200, 20_000);

  const load = burst(killed);
  await until(async () => (await db.query('SELECT count(*)::int AS n FROM events')).rows[0].n >= 100, 20_000);
  first.child.kill('SIGKILL');
  const acknowledged = await load.done;
  await first.stop();

  a = await startReplica();
  const committed = await everyCommittedEventArrives();
  const [{ organizations }] = (
    await db.query("SELECT count(*)::int AS organizations FROM events WHERE type = 'tech.entropy.organization.created'")
  ).rows;
  assert.ok(organizations >= acknowledged, `${organizations} committed, ${acknowledged} acknowledged`);
  assert.ok(committed >= 100);
});

test('the broker closes every connection under load: the relay reconnects and nothing is lost', { skip }, async () => {
  const load = burst(a, 4);
  await new Promise((r) => setTimeout(r, 400));
  await rabbitmqctl('close_all_connections', '-p', vhost.name, 'fault test');
  await new Promise((r) => setTimeout(r, 400));
  await rabbitmqctl('close_all_connections', '-p', vhost.name, 'fault test again');
  load.stop();
  assert.ok((await load.done) > 0);
  await everyCommittedEventArrives();
  assert.match(a.service.output(), /Lost the connection to amqp:\/\/guest:\*\*\*@/);
  assert.equal(a.service.output().includes('guest:guest@'), false, 'the AMQP password is never logged');
});

test("pg_terminate_backend on the relay's connection: it recovers without a restart", { skip }, async () => {
  const load = burst(a, 4);
  await new Promise((r) => setTimeout(r, 300));
  const terminated = await db.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
    [RELAY_APPLICATION_NAME],
  );
  assert.equal(terminated.rowCount, 1, 'one relay session, on the leader');
  await new Promise((r) => setTimeout(r, 300));
  load.stop();
  await load.done;
  await everyCommittedEventArrives();
  assert.equal(a.service.child.exitCode, null, 'still the same process');
  const sessions = await db.query(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
    [RELAY_APPLICATION_NAME],
  );
  assert.equal(sessions.rows[0].n, 1, 'a new leader session');
});

test(
  'two replicas, 500 changes spread across both: each event published once, per-organization order held; the follower takes over when the leader dies',
  { skip },
  async () => {
    const b = await startReplica();
    const replicas = [a, b];
    // A queue of its own, bound now: it sees only this test's events, so any duplicate shows.
    const fresh = await QueueProbe.bind(vhost.url, exchange);
    await fresh.consume();
    const organizations: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await send(replicas[i % 2], 'POST', '/v1/organizations', { name: `Replicated ${i}` });
      assert.equal(res.status, 201);
      organizations.push(res.body.id);
    }
    // Each organization's 24 updates are sequential, alternating between the replicas; organizations run concurrently.
    await Promise.all(
      organizations.map(async (id, o) => {
        for (let i = 0; i < 24; i++) {
          const res = await send(replicas[(o + i) % 2], 'PUT', `/v1/organizations/${id}`, { city: `City ${i}` });
          assert.equal(res.status, 200);
        }
      }),
    );
    const ours = () => fresh.received.filter((r) => organizations.includes(r.body.organizationid as string));
    await until(
      async () => ours().length >= 500,
      20_000,
      () => `${ours().length} of 500`,
    );
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive right behind
    const ids = ours().map((r) => r.message.properties.messageId as string);
    assert.equal(ids.length, 500);
    assert.equal(new Set(ids).size, 500, 'no event published twice');
    for (const id of organizations) {
      const sequences = ours()
        .filter((r) => r.body.organizationid === id)
        .map((r) => BigInt(r.body.sequence as string));
      assert.equal(sequences.length, 25);
      assert.ok(
        sequences.every((s, i) => i === 0 || s > sequences[i - 1]),
        `organization ${id} out of order`,
      );
    }

    // The leader (a, which held the lock first) dies; b takes over within seconds.
    assert.match(a.service.output(), /This process is now the active event relay/);
    assert.doesNotMatch(b.service.output(), /This process is now the active event relay/);
    a.service.child.kill('SIGKILL');
    await a.service.stop();
    const res = await send(b, 'PUT', `/v1/organizations/${organizations[0]}`, { city: 'After the leader died' });
    assert.equal(res.status, 200);
    await until(
      async () => ours().length > 500,
      10_000,
      () => b.service.output().slice(-2000),
    );
    assert.match(b.service.output(), /This process is now the active event relay/);
    await everyCommittedEventArrives();

    // A graceful stop lets go of the leader lock and the broker.
    const { code, signal } = await b.service.stop();
    assert.ok(code === 0 || signal === 'SIGTERM', `exit ${code} ${signal}`);
    const sessions = await db.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [RELAY_APPLICATION_NAME],
    );
    assert.equal(sessions.rows[0].n, 0);
  },
);
