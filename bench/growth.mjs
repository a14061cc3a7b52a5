// `npm run bench:growth` (BENCH_GROWTH=1 npm run bench): what a page costs as the data grows.
// Seeds 1,000,000 organizations, a user with 100,000 memberships, an organization with 100,000
// members (and as many credentials and tokens), one with 100,000 open invitations, and the same
// lists at 1,000 rows in the same tables; then times the first and the deepest page of each list
// through the service. Target: each within 1.2× (+1 ms) of its 1,000-row twin.
import pg from 'pg';
import { freePort, freshDatabase, median, round, run, ROOT, sleep, startServer } from './support.mjs';
import { join } from 'node:path';

const LARGE = Number(process.env.BENCH_GROWTH_ROWS ?? 100_000);
const ORGANIZATIONS = Number(process.env.BENCH_GROWTH_ORGANIZATIONS ?? 1_000_000);
const SMALL = 1000;
const SAMPLES = 40;
const say = (line) => process.stdout.write(`${line}\n`);

const db = await freshDatabase('entropy_growth');
const env = {
  DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://localhost:3000',
  ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, FACEBOOK_APP_ID: '1', FACEBOOK_APP_SECRET: 'bench',
  DATA_DIR: join(ROOT, 'dist', 'bench-data'), RATE_LIMIT_PER_MINUTE: '1000000000',
};
let service;
try {
  const session = async (email) => {
    const created = await run(['dist/src/cli.js', 'users:create', '--email', email, '--name', email], env);
    if (created.code !== 0) throw new Error(created.stderr);
    return JSON.parse(created.stdout);
  };
  const large = await session('large@example.com');
  const small = await session('small@example.com');
  const client = new pg.Client({ connectionString: db.url });
  client.on('error', () => {});
  await client.connect();
  const q = (sql, params) => client.query(sql, params);
  const t0 = Date.now();
  say(`seeding ${ORGANIZATIONS} organizations and lists of ${LARGE} and ${SMALL} rows…`);
  await q(`INSERT INTO organizations (name, vanity_slug, created_at)
           SELECT 'Org ' || i, 'org-' || i, timestamptz '2020-01-01' + make_interval(secs => i) FROM generate_series(1, $1) i`, [ORGANIZATIONS]);
  // Fresh statistics before the seeding joins on the table (autovacuum would be minutes late).
  await q('ANALYZE organizations');
  // Memberships: the large user in LARGE organizations, the small one in SMALL (never the same), both spread over the table.
  for (const [user, n, first] of [[large.user.id, LARGE, 1], [small.user.id, SMALL, 2]]) {
    await q(`INSERT INTO memberships (organization_id, user_id, role, status, joined_at)
             SELECT o.id, $1, 'owner', 'active', now() FROM organizations o
              WHERE o.vanity_slug IN (SELECT 'org-' || ($4 + (i * ($3::bigint / $2)))::text FROM generate_series(0, $2 - 1) i)`, [user, n, ORGANIZATIONS, first]);
  }
  const orgOf = async (user, nth) => (await q(
    `SELECT organization_id AS id FROM memberships WHERE user_id = $1 ORDER BY organization_created_at, organization_id OFFSET $2 LIMIT 1`, [user, nth])).rows[0].id;
  // Owned by the large user: the organizations whose other lists are large, and their 1,000-row twins (owned by the small user).
  const [bigOrg, bigInvitations] = [await orgOf(large.user.id, 0), await orgOf(large.user.id, 1)];
  const [smallOrg, smallInvitations] = [await orgOf(small.user.id, 0), await orgOf(small.user.id, 1)];
  await q(`INSERT INTO users (email, name) SELECT 'member' || i || '@example.com', 'Member ' || i FROM generate_series(1, $1) i`, [LARGE]);
  await q('ANALYZE users, memberships');
  for (const [org, n] of [[bigOrg, LARGE], [smallOrg, SMALL]]) {
    await q(`INSERT INTO memberships (organization_id, user_id, role, status, joined_at)
             SELECT $1, id, 'member', 'active', now() FROM users WHERE email LIKE 'member%' ORDER BY id LIMIT $2`, [org, n]);
    await q(`INSERT INTO credentials (organization_id, facebook_user_id, name, status, created_by)
             SELECT $1, (1000000 + i)::text, 'Page ' || i, 'active', 'bench' FROM generate_series(1, $2) i`, [org, n]);
    await q(`INSERT INTO authorization_tokens (organization_id, token_hash, token_hint, created_by, created_at)
             SELECT $1::uuid, encode(sha256(convert_to($1::text || i, 'UTF8')), 'hex'), lpad((i % 10000)::text, 4, '0'), $3, now() - make_interval(secs => i)
               FROM generate_series(1, $2) i`, [org, n, large.user.id]);
  }
  for (const [org, n] of [[bigInvitations, LARGE], [smallInvitations, SMALL]]) {
    await q(`INSERT INTO memberships (organization_id, email, role, status, invitation_id, expires_at)
             SELECT $1, 'invitee' || i || '@example.com', 'member', 'pending', gen_random_uuid(), now() + interval '7 days' FROM generate_series(1, $2) i`, [org, n]);
  }
  await q('VACUUM ANALYZE');
  say(`seeded in ${round((Date.now() - t0) / 1000, 1)} s`);

  // The deepest page: the cursor of the second-to-last row, as the service would have issued it.
  const cursor = (key) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const deepest = {
    organizations: async (user) => {
      const { rows: [r] } = await q(`SELECT organization_created_at::text AS ts, organization_id AS id FROM memberships WHERE user_id = $1 AND status = 'active'
                                      ORDER BY organization_created_at DESC, organization_id DESC OFFSET 1 LIMIT 1`, [user]);
      return cursor([r.ts, r.id]);
    },
    members: async (org) => cursor([(await q(`SELECT id FROM memberships WHERE organization_id = $1 ORDER BY id DESC OFFSET 1 LIMIT 1`, [org])).rows[0].id]),
    credentials: async (org) => cursor([(await q(`SELECT id FROM credentials WHERE organization_id = $1 ORDER BY id DESC OFFSET 1 LIMIT 1`, [org])).rows[0].id]),
    tokens: async (org) => {
      const { rows: [r] } = await q(`SELECT created_at::text AS ts, id FROM authorization_tokens WHERE organization_id = $1 ORDER BY created_at DESC, id DESC OFFSET 1 LIMIT 1`, [org]);
      return cursor([r.ts, r.id]);
    },
  };
  const lists = [
    { name: 'organizations (member)', large: ['/v1/organizations', large, await deepest.organizations(large.user.id)], small: ['/v1/organizations', small, await deepest.organizations(small.user.id)] },
    { name: 'members', large: [`/v1/organizations/${bigOrg}/members`, large, await deepest.members(bigOrg)], small: [`/v1/organizations/${smallOrg}/members`, small, await deepest.members(smallOrg)] },
    { name: 'invitations', large: [`/v1/organizations/${bigInvitations}/invitations`, large, await deepest.members(bigInvitations)], small: [`/v1/organizations/${smallInvitations}/invitations`, small, await deepest.members(smallInvitations)] },
    { name: 'credentials', large: [`/v1/organizations/${bigOrg}/credentials`, large, await deepest.credentials(bigOrg)], small: [`/v1/organizations/${smallOrg}/credentials`, small, await deepest.credentials(smallOrg)] },
    { name: 'tokens', large: [`/v1/organizations/${bigOrg}/authorization_tokens`, large, await deepest.tokens(bigOrg)], small: [`/v1/organizations/${smallOrg}/authorization_tokens`, small, await deepest.tokens(smallOrg)] },
  ];
  await client.end();

  service = await startServer(['dist/bundle/main.mjs'], env, await freePort());
  await sleep(1000);
  const once = async (path, who) => {
    const started = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${service.port}${path}`, { headers: { authorization: `Bearer ${who.access_token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, total: res.headers.get('x-total-count') };
  };
  say('');
  say(`| list | ${SMALL} rows: first / deepest ms | ${LARGE} rows: first / deepest ms | X-Total-Count | within 1.2× (+1 ms) |`);
  say('|---|---|---|---|---|');
  let failed = 0;
  for (const list of lists) {
    // The four pages interleaved, request by request, so the shared machine's noise hits them alike.
    const pages = [
      [`${list.small[0]}?per=50`, list.small[1]], [`${list.small[0]}?per=50&cursor=${list.small[2]}`, list.small[1]],
      [`${list.large[0]}?per=50`, list.large[1]], [`${list.large[0]}?per=50&cursor=${list.large[2]}`, list.large[1]],
    ];
    const samples = pages.map(() => []);
    const totals = [];
    for (let i = 0; i < SAMPLES + 5; i++) {
      for (const [n, [path, who]] of pages.entries()) {
        const { ms, total } = await once(path, who);
        if (i >= 5) samples[n].push(ms);
        totals[n] = total;
      }
    }
    const [sf, sd, lf, ld] = samples.map((values, n) => ({ ms: round(median(values)), total: totals[n] }));
    const ok = lf.ms <= 1.2 * sf.ms + 1 && ld.ms <= 1.2 * sd.ms + 1;
    if (!ok) failed++;
    say(`| ${list.name} | ${sf.ms} / ${sd.ms} | ${lf.ms} / ${ld.ms} | ${sf.total} / ${lf.total} | ${ok ? 'yes' : 'NO'} |`);
  }
  say(failed ? `${failed} list(s) grew past the target` : 'every list within target');
} catch (error) {
  process.stderr.write(`bench:growth failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
} finally {
  await service?.stop();
  await db.drop();
}
