// `node bench/profile.mjs [path | POST]` (after `npm run build`): the service under load on GET path
// (by default /v1/organizations/{id}; `{id}` is the seeded organization) or on creates (POST) with `node --cpu-prof`; prints the self time by function and by package, the profile stays in dist/bench-profile/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, freshDatabase, run, ROOT, sleep, startServer } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dir = join(ROOT, 'dist', 'bench-profile');
const db = await freshDatabase('entropy_profile');
const env = {
  DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: join(ROOT, 'dist', 'bench-data'),
  ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, RATE_LIMIT_PER_MINUTE: '1000000000',
};
let service;
try {
  const created = JSON.parse((await run(['dist/src/cli.js', 'users:create', '--email', 'p@example.com', '--name', 'P'], env)).stdout);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows: [{ id }] } = await client.query(
    `WITH o AS (INSERT INTO organizations (name, vanity_slug) VALUES ('Profiled', 'profiled') RETURNING id)
     INSERT INTO memberships (organization_id, user_id, role, status, joined_at) SELECT id, $1, 'owner', 'active', now() FROM o RETURNING organization_id AS id`,
    [created.user.id],
  );
  await client.end();
  // PROFILE_BASELINE=1: the bare baseline (bench/baseline/server.mjs) instead, to compare.
  const script = process.env.PROFILE_BASELINE === '1' ? 'bench/baseline/server.mjs' : (process.env.PROFILE_SCRIPT ?? 'dist/bundle/main.mjs');
  service = await startServer(['--cpu-prof', `--cpu-prof-dir=${dir}`, script], env, await freePort());
  // `POST` as the path: creates (POST /v1/organizations, a fresh name each).
  const post = process.argv[2] === 'POST';
  const path = post ? '/v1/organizations' : (process.argv[2] ?? '/v1/organizations/{id}').replace('{id}', id);
  const options = {
    url: `http://127.0.0.1:${service.port}${path}`,
    headers: { authorization: `Bearer ${created.access_token}`, ...(post ? { 'content-type': 'application/json' } : {}) },
    connections: 32,
    ...(post ? { method: 'POST', body: '{"name":"Profiled [<id>]"}' } : {}),
  };
  await run(['bench/load.mjs', JSON.stringify({ ...options, duration: 2 })], {});
  const result = await run(['bench/load.mjs', JSON.stringify({ ...options, duration: SECONDS })], {});
  process.stdout.write(`load: ${result.stdout}`);
  const { startupMs } = service;
  await service.stop();
  service = undefined;
  await sleep(500);
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().pop();
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  const dt = profile.timeDeltas;
  // Only the measured load: samples after start-up and the warm-up run.
  const from = startupMs + 2500;
  let clock = 0;
  profile.samples.forEach((nodeId, i) => {
    clock += dt[i] ?? 0;
    if (clock / 1000 < from) return;
    self.set(nodeId, (self.get(nodeId) ?? 0) + (dt[i] ?? 0));
    const seen = new Set();
    for (let id = nodeId; id !== undefined; id = parent.get(id)) {
      const where = byNode.get(id).callFrame.url;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.includes('/dist/') ? 'entropy (dist)' : undefined);
      if (pkg && !seen.has(pkg)) {
        seen.add(pkg);
        inclusive.set(pkg, (inclusive.get(pkg) ?? 0) + (dt[i] ?? 0));
      }
    }
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [nodeId, us] of self) {
    const { functionName, url, lineNumber } = byNode.get(nodeId).callFrame;
    const where = url.replace(/^file:\/\//, '').replace(ROOT, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('dist/') ? 'entropy (dist)' : where.startsWith('node:') ? 'node core' : functionName ? `(${functionName})` : '(native)');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  process.stdout.write(`\nself time by package (${file}):\n`);
  for (const [k, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`${pct(us)}  ${k}\n`);
  process.stdout.write('\ntime with the package anywhere on the stack (inclusive):\n');
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 15)) process.stdout.write(`${pct(us)}  ${k}\n`);
  process.stdout.write('\nself time by function:\n');
  for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`${pct(us)}  ${k}\n`);
} finally {
  await service?.stop();
  await db.drop();
}
