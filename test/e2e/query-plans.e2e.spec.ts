import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Principal } from '../../src/common/principal.js';
import { listCredentialsSql } from '../../src/credentials/queries/list-credentials/list-credentials.handler.js';
import { oneStatement, type ListSql } from '../../src/infrastructure/database/list-counts.js';
import { accessGate } from '../../src/organizations/organization-access.js';
import { listInvitationsSql } from '../../src/organizations/queries/list-invitations/list-invitations.handler.js';
import { listMembersSql } from '../../src/organizations/queries/list-members/list-members.handler.js';
import { listOrganizationsSql } from '../../src/organizations/queries/list-organizations/list-organizations.handler.js';
import { listTokensSql } from '../../src/tokens/queries/list-tokens/list-tokens.handler.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every list query, as its handler builds it, planned on enough rows (and fresh statistics) that
 * the planner would pick a sequential scan if the query's shape allowed one: no plan may have one.
 * The cost itself is measured by `npm run bench:growth`, never timed here.
 */
let t: TestApp;
let user: number;
let admin: number;
let big: string;
let deepOrganization: [string, string];
let deepToken: [string, string];
let deepMember: number;
let deepInvitation: number;
let deepCredential: number;

const SLUGS_TAKEN = 'SELECT vanity_slug FROM organizations WHERE vanity_slug = $1 OR vanity_slug LIKE $2';

async function plan(sql: string, params: unknown[]): Promise<string> {
  const rows: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

/** A list's page, its total and, for a list inside an organization, the caller's access: apart and as the one statement the handler sends. */
async function assertNoSeqScan(name: string, sql: ListSql, inOrganization = true): Promise<void> {
  const caller: Principal = { kind: 'user', userId: user, isAdmin: false, sessionId: 'plans' };
  const one = oneStatement(sql.page, { count: sql.count, gate: inOrganization ? accessGate(caller) : undefined });
  for (const [part, [text, params]] of Object.entries({ ...sql, one })) {
    const shown = await plan(text, params);
    assert.doesNotMatch(shown, /Seq Scan/, `${name} (${part}) plans a sequential scan:\n${shown}`);
    // The owner (organization or user) must bound the index scan, not filter another index's rows:
    // a filtered primary-key scan is cheap on a first page and a scan of the table on the deepest.
    assert.doesNotMatch(shown, /(?<!Join )Filter: .*\b(organization_id|user_id) = /, `${name} (${part}) filters on its owner:\n${shown}`);
  }
}

describe('query plans of the lists', () => {
  before(async () => {
    t = await startTestApp();
    user = (await t.user('plans-user@example.com')).id;
    admin = (await t.user('plans-admin@example.com', { admin: true })).id;
    const db = t.dataSource;
    await db.query(
      `INSERT INTO organizations (name, vanity_slug, created_at)
       SELECT 'Org ' || i, 'org-' || i, now() - make_interval(secs => i) FROM generate_series(1, 20000) i`,
    );
    // The user belongs to 3,000 of them; the oldest organization gets 5,000 members.
    await db.query(
      `INSERT INTO memberships (organization_id, user_id, role, status, joined_at)
       SELECT id, $1, 'member', 'active', now() FROM organizations ORDER BY vanity_slug LIMIT 3000`,
      [user],
    );
    [{ id: big }] = await db.query(`SELECT id FROM organizations ORDER BY created_at, id LIMIT 1`);
    await db.query(
      `INSERT INTO users (email, name) SELECT 'member' || i || '@example.com', 'Member ' || i FROM generate_series(1, 5000) i`,
    );
    await db.query(
      `INSERT INTO memberships (organization_id, user_id, role, status, joined_at)
       SELECT $1, id, 'member', 'active', now() FROM users WHERE email LIKE 'member%'`,
      [big],
    );
    await db.query(
      `INSERT INTO memberships (organization_id, email, role, status, invitation_id, expires_at)
       SELECT $1, 'invitee' || i || '@example.com', 'member', 'pending', gen_random_uuid(), now() + make_interval(days => 1 + i % 7) - interval '3 days'
         FROM generate_series(1, 3000) i`,
      [big],
    );
    await db.query(
      `INSERT INTO credentials (organization_id, facebook_user_id, name, status, created_by)
       SELECT $1, (100000 + i)::text, 'Page ' || i, 'active', 'user:1' FROM generate_series(1, 3000) i`,
      [big],
    );
    await db.query(
      `INSERT INTO authorization_tokens (organization_id, token_hash, token_hint, created_by, revoked_at, created_at)
       SELECT $1, encode(sha256(i::text::bytea), 'hex'), lpad((i % 10000)::text, 4, '0'), $2, CASE WHEN i % 10 = 0 THEN now() END, now() - make_interval(secs => i)
         FROM generate_series(1, 3000) i`,
      [big, user],
    );
    await db.query('ANALYZE');
    // The keys of each list's deepest page: the second-to-last row.
    const [organization] = await db.query(
      `SELECT organization_created_at::text AS ts, organization_id AS id FROM memberships WHERE user_id = $1 AND status = 'active'
        ORDER BY organization_created_at DESC, organization_id DESC OFFSET 1 LIMIT 1`,
      [user],
    );
    deepOrganization = [organization.ts, organization.id];
    [{ id: deepMember }] = await db.query(`SELECT id FROM memberships WHERE organization_id = $1 ORDER BY id DESC OFFSET 1 LIMIT 1`, [big]);
    [{ id: deepInvitation }] = await db.query(
      `SELECT id FROM memberships WHERE organization_id = $1 AND status = 'pending' ORDER BY id DESC OFFSET 1 LIMIT 1`,
      [big],
    );
    [{ id: deepCredential }] = await db.query(`SELECT id FROM credentials WHERE organization_id = $1 ORDER BY id DESC OFFSET 1 LIMIT 1`, [
      big,
    ]);
    const [token] = await db.query(
      `SELECT created_at::text AS ts, id FROM authorization_tokens WHERE organization_id = $1 ORDER BY created_at DESC, id DESC OFFSET 1 LIMIT 1`,
      [big],
    );
    deepToken = [token.ts, token.id];
  });
  after(() => t?.close());

  test("a member's organizations: first and deepest page, and the total", async () => {
    const [{ user_id: memberId }] = await t.dataSource.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND status = 'active' LIMIT 1`,
      [big],
    );
    const member: Principal = { kind: 'user', userId: memberId, isAdmin: false, sessionId: 'plans' };
    await assertNoSeqScan('organizations (member, first page)', listOrganizationsSql(member, 50, undefined), false);
    await assertNoSeqScan('organizations (member, deepest page)', listOrganizationsSql(member, 50, deepOrganization), false);
  });

  test("a platform admin's organizations (all of them) and a token's", async () => {
    const platform: Principal = { kind: 'user', userId: admin, isAdmin: true, sessionId: 'plans' };
    await assertNoSeqScan('organizations (admin, first page)', listOrganizationsSql(platform, 50, undefined), false);
    await assertNoSeqScan('organizations (admin, deepest page)', listOrganizationsSql(platform, 50, deepOrganization), false);
    const token: Principal = { kind: 'token', tokenId: 'plans', organizationId: big, read: true, write: false, delete: false };
    await assertNoSeqScan('organizations (token)', listOrganizationsSql(token, 50, undefined), false);
  });

  test('members, invitations, credentials and tokens of an organization: first and deepest page', async () => {
    await assertNoSeqScan('members (first page)', listMembersSql(big, 50, undefined));
    await assertNoSeqScan('members (deepest page)', listMembersSql(big, 50, deepMember));
    await assertNoSeqScan('invitations (first page)', listInvitationsSql(big, 50, undefined));
    await assertNoSeqScan('invitations (deepest page)', listInvitationsSql(big, 50, deepInvitation));
    await assertNoSeqScan('credentials (first page)', listCredentialsSql(big, 50, undefined));
    await assertNoSeqScan('credentials (deepest page)', listCredentialsSql(big, 50, deepCredential));
    await assertNoSeqScan('tokens (first page)', listTokensSql(big, 50, undefined));
    await assertNoSeqScan('tokens (deepest page)', listTokensSql(big, 50, deepToken));
  });

  test('behind a shut gate (a caller who may not see the organization) the page and the total are never run', async () => {
    const outsider = (await t.user('plans-outsider@example.com')).id;
    const caller: Principal = { kind: 'user', userId: outsider, isAdmin: false, sessionId: 'plans' };
    const sql = listCredentialsSql(big, 50, undefined);
    const [text, params] = oneStatement(sql.page, { count: sql.count, gate: accessGate(caller) });
    const rows: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${text}`, params);
    const shown = rows.map((row) => row['QUERY PLAN']).join('\n');
    const scans = shown.split('\n').filter((line) => /Scan .*\b(credentials|list_counts)\b/.test(line));
    assert.ok(scans.length >= 2, shown);
    for (const line of scans) assert.match(line, /never executed/, `ran behind a shut gate:\n${shown}`);
    // The same statement for a member runs them.
    const [{ user_id: memberId }] = await t.dataSource.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND status = 'active' LIMIT 1`,
      [big],
    );
    const member: Principal = { kind: 'user', userId: memberId, isAdmin: false, sessionId: 'plans' };
    const [, memberParams] = oneStatement(sql.page, { count: sql.count, gate: accessGate(member) });
    const ran: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${text}`, memberParams);
    assert.doesNotMatch(ran.map((row) => row['QUERY PLAN']).join('\n'), /credentials.*never executed/);
  });

  test("the slug check of a new organization is an index range, not a scan (the collation is not 'C')", async () => {
    const shown = await plan(SLUGS_TAKEN, ['org-1', 'org-1-%']);
    assert.doesNotMatch(shown, /Seq Scan/, shown);
  });

  test('every counted total equals the count(*) it replaces, after inserts, updates, cascades and deletes', async () => {
    const db = t.dataSource;
    // An invitation accepted, a member removed, a token revoked, a credential and an organization deleted.
    await db.query(
      `UPDATE memberships SET status = 'active', user_id = $1, invitation_id = NULL, expires_at = NULL, joined_at = now()
                     WHERE id = (SELECT id FROM memberships WHERE organization_id = $2 AND status = 'pending' ORDER BY id LIMIT 1)`,
      [admin, big],
    );
    await db.query(
      `DELETE FROM memberships WHERE id = (SELECT id FROM memberships WHERE organization_id = $1 AND status = 'active' ORDER BY id DESC LIMIT 1)`,
      [big],
    );
    await db.query(
      `UPDATE authorization_tokens SET revoked_at = now() WHERE id = (SELECT id FROM authorization_tokens WHERE revoked_at IS NULL LIMIT 1)`,
    );
    await db.query(`DELETE FROM credentials WHERE id = $1`, [deepCredential]);
    await db.query(
      `DELETE FROM organizations WHERE id = (SELECT organization_id FROM memberships WHERE user_id = $1 ORDER BY id LIMIT 1)`,
      [user],
    );
    await db.query(`DELETE FROM users WHERE email = 'member1@example.com'`);
    const [expected] = await db.query(
      `
      SELECT (SELECT count(*) FROM organizations)::int AS organizations,
             (SELECT count(*) FROM memberships WHERE user_id = $1 AND status = 'active')::int AS user_organizations,
             (SELECT count(*) FROM memberships WHERE organization_id = $2 AND status = 'active')::int AS members,
             (SELECT count(*) FROM memberships WHERE organization_id = $2 AND status = 'pending')::int AS pending,
             (SELECT count(*) FROM credentials WHERE organization_id = $2)::int AS credentials,
             (SELECT count(*) FROM authorization_tokens WHERE organization_id = $2 AND revoked_at IS NULL)::int AS tokens`,
      [user, big],
    );
    const counted = async (list: string, key: string) =>
      Number((await db.query(`SELECT coalesce(sum(n), 0) AS n FROM list_counts WHERE list = $1 AND owner_key = $2`, [list, key]))[0].n);
    assert.deepEqual(
      {
        organizations: await counted('organizations', ''),
        user_organizations: await counted('user_organizations', String(user)),
        members: await counted('organization_members', big),
        pending: await counted('organization_pending', big),
        credentials: await counted('credentials', big),
        tokens: await counted('tokens', big),
      },
      expected,
    );
    assert.equal(expected.user_organizations, 2999);
    // No counter outlives what it counts.
    const [{ orphans }] = await db.query(`SELECT count(*)::int AS orphans FROM list_counts WHERE n = 0`);
    assert.equal(orphans, 0);
  });
});
