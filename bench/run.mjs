// `npm run bench`: the service against a bare Fastify + pg baseline (bench/baseline/), same
// database, same statements, loopback only. See the README's "Benchmark" section.
//
// Env: BENCH_ROUNDS (5) alternations per scenario, BENCH_SECONDS (3) per run, BENCH_CONNECTIONS
// (32), BENCH_RATE (1000 req/s, the fixed-rate latency runs), BENCH_DATABASE_URL (local server),
// BENCH_PG_LOG (the server's log file, for statements per request), BENCH_GROWTH=1 (cost growth),
// BENCH_RELAY=0 (skip the relay figures), BENCH_AMQP_URL, BENCH_RELAY_CREATES, BENCH_RELAY_BACKLOG,
// BENCH_ONLY=name,name (only these scenarios, e.g. while working on one; the report says so).
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { benchRelay } from './relay.mjs';
import { admin, freePort, freshDatabase, median, memory, round, run, ROOT, sleep, startServer } from './support.mjs';

if (process.env.BENCH_GROWTH === '1') {
  await import('./growth.mjs');
  process.exit(0);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const PG_LOG = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const SAMPLES = 40;

const say = (line) => process.stdout.write(`${line}\n`);

const db = await freshDatabase('entropy_bench');
const env = {
  DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000',
  ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, FACEBOOK_APP_ID: '1', FACEBOOK_APP_SECRET: 'bench',
  DATA_DIR: join(ROOT, 'dist', 'bench-data'),
  // One token makes far more than the default limit a minute here: still counted, never refused.
  RATE_LIMIT_PER_MINUTE: '1000000000',
};
// BENCH_NODE_FLAGS: V8 flags to try on the service (e.g. heap sizes), space-separated.
const SERVICE = [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), process.env.BENCH_SERVICE ?? 'dist/bundle/main.mjs'];
const BASELINE = ['bench/baseline/server.mjs'];
const servers = [];

try {
  // The CLI migrates the fresh database and creates the caller.
  const created = await run(['dist/src/cli.js', 'users:create', '--email', 'bench@example.com', '--name', 'Bench'], env);
  if (created.code !== 0) throw new Error(created.stderr);
  const { user, access_token: token } = JSON.parse(created.stdout);
  const orgId = await seed(db.url, user.id);
  const auth = { authorization: `Bearer ${token}` };
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const scenarios = [
    { name: 'health', path: '/health/live', headers: {} },
    { name: 'me', path: '/v1/me', headers: auth },
    { name: 'get_organization', path: `/v1/organizations/${orgId}`, headers: auth },
    { name: 'list_organizations', path: '/v1/organizations?per=50', headers: auth },
    { name: 'list_credentials', path: `/v1/organizations/${orgId}/credentials`, headers: auth },
    {
      name: 'create_organization', path: '/v1/organizations', method: 'POST', status: 201,
      headers: { ...auth, 'content-type': 'application/json' }, body: '{"name":"Load [<id>]"}',
    },
  ].filter((scenario) => !only || only.includes(scenario.name));

  // 1. Statements per request, from the server's own statement log, and the honesty checks:
  //    the baseline must send the same statements and answer with the same status and headers.
  const statements = await countStatements(scenarios);

  // 2. Start-up, memory and throughput, with the statement log off again.
  const service = await startServer(SERVICE, env, await freePort());
  servers.push(service);
  const baseline = await startServer(BASELINE, env, await freePort());
  servers.push(baseline);
  await sleep(1000);
  const idle = memory(service.child.pid);
  const idleBaseline = memory(baseline.child.pid);
  say(`start-up to ready: service ${round(service.startupMs, 0)} ms, baseline ${round(baseline.startupMs, 0)} ms; idle RSS ${idle.rss} MB vs ${idleBaseline.rss} MB`);

  const results = [];
  for (const scenario of scenarios) {
    const target = (server) => ({ ...scenario, url: `http://127.0.0.1:${server.port}${scenario.path}` });
    // Warm-up (JIT, pools), not counted.
    await load(target(service), 1);
    await load(target(baseline), 1);
    const pairs = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate who goes first so drift on a shared machine does not favour one side.
      const order = r % 2 === 0 ? [service, baseline] : [baseline, service];
      const [first, second] = [await load(target(order[0]), SECONDS), await load(target(order[1]), SECONDS)];
      pairs.push(order[0] === service ? { service: first, baseline: second } : { service: second, baseline: first });
    }
    const fixedService = await load(target(service), SECONDS, RATE);
    const fixedBaseline = await load(target(baseline), SECONDS, RATE);
    const ratios = pairs.map((p) => p.service.rps / p.baseline.rps);
    const result = {
      name: scenario.name,
      service_rps: round(median(pairs.map((p) => p.service.rps)), 0),
      baseline_rps: round(median(pairs.map((p) => p.baseline.rps)), 0),
      ratio: round(median(ratios)),
      ratio_min: round(Math.min(...ratios)),
      ratio_max: round(Math.max(...ratios)),
      p50_ms: fixedService.p50,
      p99_ms: fixedService.p99,
      errors: pairs.reduce((sum, p) => sum + p.service.errors, 0) + fixedService.errors,
      sql_per_request: statements[scenario.name]?.service ?? null,
    };
    results.push(result);
    say(
      `${scenario.name.padEnd(20)} service ${String(result.service_rps).padStart(6)} req/s  baseline ${String(result.baseline_rps).padStart(6)}  ` +
        `ratio ${result.ratio} (${result.ratio_min}–${result.ratio_max})  at ${RATE}/s p50/p99 ${result.p50_ms}/${result.p99_ms} ms ` +
        `(baseline ${fixedBaseline.p50}/${fixedBaseline.p99}; achieved ${round(fixedService.rps, 0)}/s)  errors ${result.errors} ` +
        `(baseline ${pairs.reduce((sum, p) => sum + p.baseline.errors, 0) + fixedBaseline.errors})  SQL/req ${result.sql_per_request} vs ${statements[scenario.name]?.baseline ?? null}  ` +
        `peak RSS so far ${memory(service.child.pid).hwm} MB`,
    );
  }
  const peak = memory(service.child.pid);
  const peakBaseline = memory(baseline.child.pid);
  for (const server of servers.splice(0)) await server.stop();
  // 3. The event relay: commit → consumer latency and backlog drain (bench/relay.mjs), on its own database.
  const relay = process.env.BENCH_RELAY === '0' ? null : await benchRelay(say);
  const report = { scenarios: results, rss: { idle_mb: idle.rss, peak_mb: peak.hwm }, startup_ms: round(service.startupMs, 0), relay };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  // A partial run (BENCH_ONLY) never replaces the full report.
  const file = only ? 'partial.json' : 'latest.json';
  writeFileSync(join(ROOT, 'bench', 'results', file), `${JSON.stringify(report, null, 2)}\n`);

  say('');
  say(`Entropy API bench: PostgreSQL, ${CONNECTIONS} connections, ${ROUNDS} alternations × ${SECONDS}s, fixed rate ${RATE} req/s`);
  say('| scenario | service req/s | baseline req/s | ratio (min–max) | p50 / p99 ms at fixed rate | errors | SQL/req |');
  say('|---|---|---|---|---|---|---|');
  for (const r of results) {
    say(`| ${r.name} | ${r.service_rps} | ${r.baseline_rps} | ${r.ratio} (${r.ratio_min}–${r.ratio_max}) | ${r.p50_ms} / ${r.p99_ms} | ${r.errors} | ${r.sql_per_request} |`);
  }
  say(`RSS idle / peak: service ${idle.rss} / ${peak.hwm} MB, baseline ${idleBaseline.rss} / ${peakBaseline.hwm} MB`);
  say(`start-up to ready: service ${round(service.startupMs, 0)} ms, baseline ${round(baseline.startupMs, 0)} ms`);
  if (relay) {
    say(`relay: commit → consumer p50 / p99 ${relay.commit_to_consumer_p50_ms} / ${relay.commit_to_consumer_p99_ms} ms; backlog drain ${relay.drain_events_per_s} events/s`);
  }
  say(`wrote bench/results/${file}`);
} finally {
  for (const server of servers) await server.stop();
  await db.drop();
}

/** One user owning 200 organizations (the first with 20 credentials); returns the first one's id. */
async function seed(url, userId) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `WITH o AS (
         INSERT INTO organizations (name, vanity_slug, created_at)
         SELECT 'Seed ' || i, 'seed-' || i, now() - make_interval(secs => 1000 - i) FROM generate_series(1, 200) i
         RETURNING id, created_at)
       INSERT INTO memberships (organization_id, user_id, role, status, joined_at) SELECT id, $1, 'owner', 'active', created_at FROM o`,
      [userId],
    );
    const { rows: [{ id }] } = await client.query(`SELECT id FROM organizations ORDER BY created_at, id LIMIT 1`);
    await client.query(
      `INSERT INTO credentials (organization_id, facebook_user_id, name, status, scopes, created_by, expires_at)
       SELECT $1, (10000 + i)::text, 'Page ' || i, 'active', '{public_profile,pages_show_list}', 'bench', now() + interval '60 days'
         FROM generate_series(1, 20) i`,
      [id],
    );
    await client.query('ANALYZE');
    return id;
  } finally {
    await client.end();
  }
}

async function load(scenario, seconds, rate) {
  const options = {
    url: scenario.url, method: scenario.method ?? 'GET', headers: scenario.headers, body: scenario.body,
    connections: CONNECTIONS, duration: seconds, ...(rate ? { overallRate: rate } : {}),
  };
  const result = await run(['bench/load.mjs', JSON.stringify(options)], {});
  if (result.code !== 0) throw new Error(`load failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout);
  return { ...parsed, rps: parsed.total / parsed.duration };
}

/** Reads the statement records of our database the server log gained since `offset`. */
function logStatements(offset) {
  const size = statSync(PG_LOG).size;
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(PG_LOG, 'r');
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  const records = [];
  for (const line of buffer.toString('utf8').split('\n')) {
    if (/^\d{4}-\d\d-\d\d /.test(line)) records.push(line);
    else if (line.startsWith('\t') && records.length) records[records.length - 1] += ` ${line}`;
  }
  const marker = `@${db.name} LOG:  `;
  return records
    .filter((r) => r.includes(marker))
    .map((r) => r.slice(r.indexOf(marker) + marker.length))
    .filter((r) => r.startsWith('statement: ') || r.startsWith('execute '))
    .map((r) => r.replace(/^statement: |^execute [^:]*: /, '').replace(/\s+/g, ' ').trim());
}

async function countStatements(scenarios) {
  let readable = false;
  try {
    readable = existsSync(PG_LOG) && statSync(PG_LOG).isFile();
    if (readable) closeSync(openSync(PG_LOG, 'r'));
  } catch {
    readable = false;
  }
  if (!readable) {
    say(`SQL per request: not measured (the server log ${PG_LOG} is not readable here; set BENCH_PG_LOG)`);
    return {};
  }
  await admin(`ALTER DATABASE ${db.name} SET log_statement = 'all'`);
  const counted = {};
  const pair = [];
  try {
    pair.push(await startServer(SERVICE, env, await freePort()), await startServer(BASELINE, env, await freePort()));
    // Let start-up work (scheduled jobs' first runs) finish before counting.
    await sleep(1500);
    for (const scenario of scenarios) {
      const seen = {};
      for (const [side, server] of [['service', pair[0]], ['baseline', pair[1]]]) {
        const offset = statSync(PG_LOG).size;
        let answer;
        for (let i = 0; i < SAMPLES; i++) {
          const body = scenario.body?.replace('[<id>]', `count ${side} ${i}`);
          const res = await fetch(`http://127.0.0.1:${server.port}${scenario.path}`, { method: scenario.method ?? 'GET', headers: scenario.headers, body });
          answer = { status: res.status, headers: [...res.headers.keys()].filter((h) => h !== 'date').sort(), body: await res.text() };
        }
        await sleep(300);
        const texts = logStatements(offset);
        seen[side] = { texts, answer };
        counted[scenario.name] = { ...counted[scenario.name], [side]: round(texts.length / SAMPLES) };
      }
      const distinct = (side) => [...new Set(seen[side].texts)].sort();
      const [s, b] = [distinct('service'), distinct('baseline')];
      for (const text of s.filter((t) => !b.includes(t))) say(`  ${scenario.name}: only the service sent: ${text.slice(0, 160)}`);
      for (const text of b.filter((t) => !s.includes(t))) say(`  ${scenario.name}: only the baseline sent: ${text.slice(0, 160)}`);
      const [sa, ba] = [seen.service.answer, seen.baseline.answer];
      if (sa.status !== ba.status) say(`  ${scenario.name}: status ${sa.status} (service) vs ${ba.status} (baseline)`);
      const missing = sa.headers.filter((h) => !ba.headers.includes(h));
      const extra = ba.headers.filter((h) => !sa.headers.includes(h));
      if (missing.length || extra.length) say(`  ${scenario.name}: headers only the service sends: [${missing}], only the baseline: [${extra}]`);
      if (scenario.method !== 'POST' && sa.body.length !== ba.body.length) say(`  ${scenario.name}: body ${sa.body.length} bytes (service) vs ${ba.body.length} (baseline)`);
      say(`SQL per request, ${scenario.name}: service ${counted[scenario.name].service}, baseline ${counted[scenario.name].baseline}`);
    }
  } finally {
    for (const server of pair) await server.stop();
    await admin(`ALTER DATABASE ${db.name} RESET log_statement`);
  }
  return counted;
}
