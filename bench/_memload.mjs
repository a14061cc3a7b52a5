import { freePort, freshDatabase, memory, run, sleep, startServer } from './support.mjs';
import pg from 'pg';
const db = await freshDatabase('entropy_ml');
const env = { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: '/tmp/sp-data', ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, RATE_LIMIT_PER_MINUTE: '1000000000' };
const created = JSON.parse((await run(['dist/src/cli.js', 'users:create', '--email', 'p@example.com', '--name', 'P'], env)).stdout);
const c = new pg.Client({ connectionString: db.url }); await c.connect();
const { rows: [{ id }] } = await c.query(`WITH o AS (INSERT INTO organizations (name, vanity_slug) VALUES ('P', 'p') RETURNING id) INSERT INTO memberships (organization_id, user_id, role, status, joined_at) SELECT id, $1, 'owner', 'active', now() FROM o RETURNING organization_id AS id`, [created.user.id]); await c.end();
for (const flags of JSON.parse(process.argv[2])) {
  const s = await startServer([...flags, 'dist/src/main.js'], env, await freePort());
  await sleep(1000); const idle = memory(s.child.pid);
  const out = [];
  for (const path of [`/v1/organizations/${id}`, '/v1/organizations?per=50', '/health/live']) {
    const r = await run(['bench/load.mjs', JSON.stringify({ url: `http://127.0.0.1:${s.port}${path}`, headers: { authorization: `Bearer ${created.access_token}` }, connections: 32, duration: 4 })], {});
    out.push(Math.round(JSON.parse(r.stdout).total / 4));
  }
  const peak = memory(s.child.pid);
  console.log(flags.join(' ') || '(none)', 'startup', Math.round(s.startupMs), 'idle', idle.rss, 'peak', peak.hwm, 'rps', out.join(' / '));
  await s.stop();
}
await db.drop();
