// `npm run bench:soak`: is the service's memory flat under sustained load? Five minutes (BENCH_SOAK_SECONDS)
// of reads (GET by id, the organization list) with a create every few requests, against a fresh
// PostgreSQL database; RSS sampled every 15 s. Prints the series, the first and last minute's
// means and the growth between them, and writes bench/results/soak.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, freshDatabase, memory, run, ROOT, sleep, startServer } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
const SAMPLE_MS = 15_000;
const say = (line) => process.stdout.write(`${line}\n`);
const db = await freshDatabase('entropy_soak');
const env = {
  DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000',
  ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, DATA_DIR: join(ROOT, 'dist', 'bench-data'),
  RATE_LIMIT_PER_MINUTE: '1000000000',
};
let service;
try {
  const created = await run(['dist/src/cli.js', 'users:create', '--email', 'soak@example.com', '--name', 'Soak'], env);
  if (created.code !== 0) throw new Error(created.stderr);
  const { user, access_token: token } = JSON.parse(created.stdout);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows: [{ id }] } = await client.query(
    `WITH o AS (INSERT INTO organizations (name, vanity_slug) VALUES ('Soak', 'soak') RETURNING id)
     INSERT INTO memberships (organization_id, user_id, role, status, joined_at) SELECT id, $1, 'owner', 'active', now() FROM o RETURNING organization_id AS id`,
    [user.id],
  );
  await client.end();
  service = await startServer(['dist/bundle/main.mjs'], env, await freePort());
  const base = `http://127.0.0.1:${service.port}`;
  const auth = { authorization: `Bearer ${token}` };
  const loads = [
    { url: `${base}/v1/organizations/${id}`, headers: auth, connections: 16 },
    { url: `${base}/v1/organizations?per=50`, headers: auth, connections: 8 },
    { url: `${base}/v1/organizations`, method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"name":"Soak [<id>]"}', connections: 4 },
  ].map((options) => run(['bench/load.mjs', JSON.stringify({ ...options, duration: SECONDS })], {}));
  const samples = [];
  const started = Date.now();
  while (Date.now() - started < SECONDS * 1000) {
    await sleep(SAMPLE_MS);
    const { rss } = memory(service.child.pid);
    samples.push({ s: Math.round((Date.now() - started) / 1000), rss_mb: rss });
    say(`${String(samples.at(-1).s).padStart(4)} s  RSS ${rss} MB`);
  }
  const results = (await Promise.all(loads)).map((r) => JSON.parse(r.stdout));
  const perMinute = Math.max(1, Math.round(60_000 / SAMPLE_MS));
  const mean = (xs) => Math.round(xs.reduce((a, b) => a + b.rss_mb, 0) / xs.length);
  const first = mean(samples.slice(0, perMinute));
  const last = mean(samples.slice(-perMinute));
  const report = {
    seconds: SECONDS, samples, first_minute_mb: first, last_minute_mb: last, growth_mb: last - first,
    peak_mb: memory(service.child.pid).hwm, requests: results.reduce((a, r) => a + r.total, 0), errors: results.reduce((a, r) => a + r.errors, 0),
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'soak.json'), `${JSON.stringify(report, null, 2)}\n`);
  say(`RSS first minute ${first} MB, last minute ${last} MB (growth ${last - first} MB), peak ${report.peak_mb} MB; ${report.requests} requests, ${report.errors} errors`);
} finally {
  await service?.stop();
  await db.drop();
}
