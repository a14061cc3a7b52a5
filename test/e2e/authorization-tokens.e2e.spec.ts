import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { generateToken } from '../../src/infrastructure/security/opaque-token.js';
import { TokenUsageRecorder } from '../../src/tokens/token-usage.recorder.js';
import { allPages, call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: { id: number; token: string };
let outsider: { id: number; token: string };
let platformAdmin: { id: number; token: string };

const tokensUrl = (id: string) => `/v1/organizations/${id}/authorization_tokens`;

const createOrg = (name = 'Token org', token = owner.token) => createOrganization(t.app, token, { name });

async function issue(organizationId: string, body: Record<string, unknown> = {}, token = owner.token) {
  const res = await call(t.app, 'POST', tokensUrl(organizationId), { token, body });
  assert.equal(res.status, 201, res.text);
  return res.body as { id: string; token: string };
}

async function events(aggregateId: string) {
  return t.dataSource.query('SELECT type, organization_id, data FROM events WHERE aggregate_id = $1 ORDER BY insert_order', [
    aggregateId,
  ]) as Promise<{ type: string; organization_id: string; data: Record<string, unknown> }[]>;
}

async function lastUsedAt(tokenId: string): Promise<string | null> {
  const [row] = await t.dataSource.query('SELECT last_used_at::text AS at FROM authorization_tokens WHERE id = $1', [tokenId]);
  return row.at;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(20);
  }
  throw new Error('condition not reached in 2 s');
}

before(async () => {
  t = await startTestApp();
  owner = await t.user('owner@example.com');
  outsider = await t.user('outsider@example.com');
  platformAdmin = await t.user('root@example.com', { admin: true });
});
after(() => t.close());

describe('POST /v1/organizations/{id}/authorization_tokens', () => {
  test('answers 201 with the token, shown this once, Credly fields and owner; stores only the hash', async () => {
    const id = await createOrg('Acme Tokens');
    const res = await call(t.app, 'POST', tokensUrl(id), { token: owner.token, body: { description: 'CI pipeline' } });
    assert.equal(res.status, 201, res.text);
    const body = res.body;
    assert.deepEqual(Object.keys(body), [
      'id',
      'token',
      'owner_id',
      'created_by',
      'description',
      'read_enabled',
      'write_enabled',
      'delete_enabled',
      'created_at',
      'expires_at',
      'last_used_at',
      'owner',
    ]);
    assert.match(body.id, /^[0-9a-f-]{36}$/);
    assert.match(body.token, /^ent_o_[0-9A-Za-z]{36}$/);
    assert.equal(body.owner_id, id);
    assert.equal(body.created_by, owner.id);
    assert.equal(body.description, 'CI pipeline');
    assert.deepEqual([body.read_enabled, body.write_enabled, body.delete_enabled], [true, false, false]);
    assert.match(body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(body.expires_at, null);
    assert.equal(body.last_used_at, null);
    assert.deepEqual(body.owner, { type: 'Organization', id, name: 'Acme Tokens', url: `http://api.test/v1/organizations/${id}` });

    const [row] = await t.dataSource.query('SELECT token_hash, token_hint, created_by FROM authorization_tokens WHERE id = $1', [body.id]);
    assert.equal(row.token_hash, createHash('sha256').update(body.token).digest('hex'));
    assert.equal(row.token_hint, body.token.slice(-4));
    assert.equal(row.created_by, owner.id);
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM authorization_tokens'));
    assert.equal(dump.includes(body.token), false);

    const issued = await events(body.id);
    assert.deepEqual(
      issued.map((e) => e.type),
      ['tech.entropy.authorization_token.issued'],
    );
    assert.equal(issued[0].organization_id, id);
    const payload = JSON.stringify(issued[0].data);
    assert.equal(payload.includes(body.token), false);
    assert.equal(payload.includes(row.token_hash), false);
  });

  test('honours the flags and a future expires_at; owners, admins and platform admins may issue', async () => {
    const id = await createOrg();
    const orgAdmin = await t.user('org-admin-issue@example.com');
    assert.equal(
      (
        await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
          token: owner.token,
          body: { email: 'org-admin-issue@example.com', role: 'admin' },
        })
      ).status,
      201,
    );
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const res = await call(t.app, 'POST', tokensUrl(id), {
      token: orgAdmin.token,
      body: { read_enabled: false, write_enabled: true, delete_enabled: true, expires_at: expiresAt, description: null },
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual([res.body.read_enabled, res.body.write_enabled, res.body.delete_enabled], [false, true, true]);
    assert.equal(res.body.expires_at, expiresAt);
    assert.equal(res.body.description, null);
    assert.equal(res.body.created_by, orgAdmin.id);
    assert.equal((await call(t.app, 'POST', tokensUrl(id), { token: platformAdmin.token, body: {} })).status, 201);
  });

  test('400 for expires_at in the past, unknown fields and wrong types; nothing is issued', async () => {
    const id = await createOrg();
    const past = await call(t.app, 'POST', tokensUrl(id), {
      token: owner.token,
      body: { expires_at: new Date(Date.now() - 1000).toISOString() },
    });
    assert.equal(past.status, 400);
    assert.equal(past.body.code, 'TOKENS.EXPIRES_AT_IN_PAST');
    assert.deepEqual(past.body.details, [{ field: 'expires_at', message: 'must be in the future' }]);
    const cases: [unknown, string][] = [
      [{ token: 'ent_o_mine' }, 'token'],
      [{ owner_id: id }, 'owner_id'],
      [{ read_enabled: 'yes' }, 'read_enabled'],
      [{ write_enabled: 1 }, 'write_enabled'],
      [{ expires_at: 'tomorrow' }, 'expires_at'],
      [{ expires_at: 1893456000000 }, 'expires_at'],
      [{ expires_at: '2030-W01' }, 'expires_at'],
      [{ expires_at: '20300601T100000Z' }, 'expires_at'],
      [{ expires_at: '99999-01-01T00:00:00Z' }, 'expires_at'],
      [{ description: 'x'.repeat(501) }, 'description'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t.app, 'POST', tokensUrl(id), { token: owner.token, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(
        res.body.details.some((d: { field: string }) => d.field === field),
        `${field} in ${res.text}`,
      );
    }
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1', [
      id,
    ]);
    assert.equal(count, 0);
  });

  test('an Idempotency-Key retry never replays the token: 409, and the database keeps no plain token', async () => {
    const id = await createOrg('Idempotent tokens');
    const headers = { 'idempotency-key': 'issue-once' };
    const first = await call(t.app, 'POST', tokensUrl(id), { token: owner.token, headers, body: { description: 'once' } });
    assert.equal(first.status, 201);
    assert.equal(first.headers['cache-control'], 'no-store');
    const retry = await call(t.app, 'POST', tokensUrl(id), { token: owner.token, headers, body: { description: 'once' } });
    assert.equal(retry.status, 409);
    assert.equal(retry.body.code, 'IDEMPOTENCY.NOT_REPLAYABLE');
    assert.equal(retry.text.includes(first.body.token), false);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1', [
      id,
    ]);
    assert.equal(count, 1);
    const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM idempotency_keys'));
    assert.equal(dump.includes(first.body.token), false);
  });

  test('members get 403, outsiders 404, a bad organization id 400', async () => {
    const id = await createOrg();
    const member = await t.user('member-issue@example.com');
    await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
      token: owner.token,
      body: { email: 'member-issue@example.com', role: 'member' },
    });
    const byMember = await call(t.app, 'POST', tokensUrl(id), { token: member.token, body: {} });
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await call(t.app, 'GET', tokensUrl(id), { token: member.token })).status, 403);
    assert.equal((await call(t.app, 'POST', tokensUrl(id), { token: outsider.token, body: {} })).status, 404);
    assert.equal((await call(t.app, 'GET', tokensUrl(id), { token: outsider.token })).status, 404);
    assert.equal((await call(t.app, 'POST', tokensUrl('123'), { token: owner.token, body: {} })).status, 400);
  });
});

describe('at most 100 active tokens per organization', () => {
  /** Inserts tokens straight into the table (issuing 100 through the API would only be slower). */
  async function insertTokens(organizationId: string, n: number, state: 'active' | 'revoked' | 'expired' = 'active') {
    await t.dataSource.query(
      `INSERT INTO authorization_tokens (organization_id, token_hash, token_hint, created_by, revoked_at, expires_at)
       SELECT $1, md5(random()::text || i) || md5(random()::text || i), 'abcd', $2,
              CASE WHEN $4 = 'revoked' THEN now() END, CASE WHEN $4 = 'expired' THEN now() - interval '1 second' END
         FROM generate_series(1, $3::int) AS i`,
      [organizationId, owner.id, n, state],
    );
  }

  test('the 101st active token is 409 TOKENS.LIMIT; revoked and expired tokens do not count', async () => {
    const id = await createOrg('Token limit');
    await insertTokens(id, 5, 'revoked');
    await insertTokens(id, 5, 'expired');
    await insertTokens(id, 99);
    const last = await issue(id);
    const over = await call(t.app, 'POST', tokensUrl(id), { token: owner.token, body: {} });
    assert.equal(over.status, 409, over.text);
    assert.equal(over.body.code, 'TOKENS.LIMIT');
    assert.equal(typeof over.body.message, 'string');
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())',
      [id],
    );
    assert.equal(count, 100);
    // Another organization has its own 100.
    await issue(await createOrg('Token limit elsewhere'));
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(id)}/${last.id}`, { token: owner.token })).status, 204);
    await issue(id);
  });

  test('concurrent issuers never pass the limit together', async () => {
    const id = await createOrg('Token limit race');
    await insertTokens(id, 97);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(t.app, 'POST', tokensUrl(id), { token: owner.token, body: {} })),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 201, 201, 409, 409, 409, 409, 409]);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1', [
      id,
    ]);
    assert.equal(count, 100);
  });
});

describe('GET /v1/organizations/{id}/authorization_tokens', () => {
  test('lists unrevoked tokens with token_hint and never the token, keyset-paged', async () => {
    const id = await createOrg('Listed');
    const issued: { id: string; token: string }[] = [];
    for (let i = 0; i < 5; i++) issued.push(await issue(id, { description: `token ${i}` }));
    const other = await createOrg('Other');
    await issue(other);
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(id)}/${issued[2].id}`, { token: owner.token })).status, 204);

    const pages = await allPages(t.app, `${tokensUrl(id)}?per=2`, owner.token);
    assert.deepEqual(
      pages.map((p) => p.body.length),
      [2, 2],
    );
    assert.ok(pages.every((p) => p.status === 200 && p.headers['x-total-count'] === '4'));
    const listed = pages.flatMap((p) => p.body);
    assert.deepEqual(
      listed.map((x: { id: string }) => x.id),
      [0, 1, 3, 4].map((i) => issued[i].id),
    );
    for (const [n, item] of listed.entries()) {
      const source = issued[[0, 1, 3, 4][n]];
      assert.equal('token' in item, false);
      assert.equal(item.token_hint, source.token.slice(-4));
      assert.equal(item.owner_id, id);
      assert.equal(item.created_by, owner.id);
      assert.deepEqual(item.owner, { type: 'Organization', id, name: 'Listed', url: `http://api.test/v1/organizations/${id}` });
    }
    assert.deepEqual(Object.keys(listed[0]).sort(), [
      'created_at',
      'created_by',
      'delete_enabled',
      'description',
      'expires_at',
      'id',
      'last_used_at',
      'owner',
      'owner_id',
      'read_enabled',
      'token_hint',
      'write_enabled',
    ]);
    const text = pages.map((p) => p.text).join();
    for (const { token } of issued) assert.equal(text.includes(token), false);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    assert.equal((await call(t.app, 'GET', `${tokensUrl(id)}?cursor=${forged}`, { token: owner.token })).status, 400);
  });
});

describe('authenticating with an organization token', () => {
  test('works with Bearer and with Basic base64(token:), acting on its own organization only', async () => {
    const id = await createOrg('Own org');
    const otherOrg = await createOrg('Someone else', outsider.token);
    const { token } = await issue(id, { read_enabled: true, write_enabled: true, delete_enabled: true });
    const viaBearer = await call(t.app, 'GET', `/v1/organizations/${id}`, { token });
    assert.equal(viaBearer.status, 200);
    assert.equal(viaBearer.body.role, null);
    const basic = Buffer.from(`${token}:`).toString('base64');
    const viaBasic = await call(t.app, 'GET', `/v1/organizations/${id}`, { headers: { authorization: `Basic ${basic}` } });
    assert.equal(viaBasic.status, 200);
    assert.equal(viaBasic.body.id, id);
    const listed = await call(t.app, 'GET', '/v1/organizations', { token });
    assert.deepEqual(
      listed.body.map((o: { id: string }) => o.id),
      [id],
    );

    for (const [method, url, body] of [
      ['GET', `/v1/organizations/${otherOrg}`],
      ['PUT', `/v1/organizations/${otherOrg}`, { city: 'x' }],
      ['DELETE', `/v1/organizations/${otherOrg}`],
      ['GET', `/v1/organizations/${otherOrg}/members`],
      ['GET', tokensUrl(otherOrg)],
    ] as const) {
      const res = await call(t.app, method, url, { token, body });
      assert.equal(res.status, 404, `${method} ${url}`);
    }
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${otherOrg}`, { token: outsider.token })).status, 200);
    assert.equal((await call(t.app, 'POST', '/v1/organizations', { token, body: { name: 'By token' } })).status, 403);
    assert.equal((await call(t.app, 'GET', '/v1/me', { token })).status, 403);
  });

  test('read / write / delete flags map to GET / PUT,POST,PATCH / DELETE', async () => {
    const id = await createOrg('Flags');
    const read = (await issue(id, {})).token;
    const write = (await issue(id, { read_enabled: false, write_enabled: true })).token;
    const del = (await issue(id, { read_enabled: false, delete_enabled: true })).token;
    const expect = async (token: string, method: 'GET' | 'PUT' | 'DELETE', url: string, status: number, body?: unknown) => {
      const res = await call(t.app, method, url, { token, body });
      assert.equal(res.status, status, `${method} ${url}: ${res.text}`);
      if (status === 403) assert.equal(res.body.code, 'TOKENS.PERMISSION_DENIED');
    };
    const org = `/v1/organizations/${id}`;
    await expect(read, 'GET', org, 200);
    await expect(read, 'GET', `${org}/members`, 200);
    await expect(read, 'PUT', org, 403, { city: 'Read' });
    await expect(read, 'DELETE', org, 403);
    await expect(write, 'GET', org, 403);
    await expect(write, 'GET', `${org}/members`, 403);
    await expect(write, 'PUT', org, 200, { city: 'Written' });
    await expect(write, 'DELETE', org, 403);
    await expect(del, 'GET', org, 403);
    await expect(del, 'PUT', org, 403, { city: 'Deleted' });
    // delete_enabled deletes the organization's resources, never the organization itself.
    await expect(del, 'DELETE', org, 403);
    const [row] = await t.dataSource.query('SELECT city FROM organizations WHERE id = $1', [id]);
    assert.equal(row.city, 'Written');
  });

  test('a token never adds, changes or removes members, nor lists, issues or revokes tokens (403)', async () => {
    const id = await createOrg('Locked down');
    const member = await t.user('token-target@example.com');
    await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
      token: owner.token,
      body: { email: 'token-target@example.com', role: 'member' },
    });
    const all = await issue(id, { read_enabled: true, write_enabled: true, delete_enabled: true });
    const cases = [
      ['POST', `/v1/organizations/${id}/members`, { email: 'new@example.com', role: 'member' }],
      ['PATCH', `/v1/organizations/${id}/members/${member.id}`, { role: 'admin' }],
      ['DELETE', `/v1/organizations/${id}/members/${member.id}`],
      ['GET', tokensUrl(id)],
      ['POST', tokensUrl(id), { read_enabled: true, write_enabled: true, delete_enabled: true }],
      ['DELETE', `${tokensUrl(id)}/${all.id}`],
    ] as const;
    for (const [method, url, body] of cases) {
      const res = await call(t.app, method, url, { token: all.token, body });
      assert.equal(res.status, 403, `${method} ${url}: ${res.text}`);
      assert.equal(res.body.code, 'TOKENS.PERMISSION_DENIED');
    }
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1 AND revoked_at IS NULL',
      [id],
    );
    assert.equal(count, 1);
    const [{ members }] = await t.dataSource.query('SELECT count(*)::int AS members FROM memberships WHERE organization_id = $1', [id]);
    assert.equal(members, 2);
  });

  test('an expired, unknown or mistyped token is 401 with WWW-Authenticate', async () => {
    const id = await createOrg('Expiry');
    const expired = await issue(id);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: expired.token })).status, 200);
    await t.dataSource.query(`UPDATE authorization_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const mistyped = expired.token.slice(0, -1) + (expired.token.endsWith('a') ? 'b' : 'a');
    for (const token of [expired.token, generateToken('organization'), mistyped]) {
      const res = await call(t.app, 'GET', `/v1/organizations/${id}`, { token });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="entropy"');
      assert.equal(res.body.code, 'AUTH.UNAUTHENTICATED');
    }
  });
});

describe('DELETE /v1/organizations/{id}/authorization_tokens/{tokenId}', () => {
  test('revokes at once (then 401), with AuthorizationTokenRevoked; a second revoke is 404', async () => {
    const id = await createOrg('Revoke');
    const issued = await issue(id);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: issued.token })).status, 200);
    const res = await call(t.app, 'DELETE', `${tokensUrl(id)}/${issued.id}`, { token: owner.token });
    assert.equal(res.status, 204);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: issued.token })).status, 401);
    const recorded = await events(issued.id);
    assert.deepEqual(
      recorded.map((e) => e.type),
      ['tech.entropy.authorization_token.issued', 'tech.entropy.authorization_token.revoked'],
    );
    assert.deepEqual(recorded[1].data, {
      token_id: recorded[1].data.token_id,
      reason: 'revoked',
      revoked_by: { type: 'user', id: owner.id },
    });
    const again = await call(t.app, 'DELETE', `${tokensUrl(id)}/${issued.id}`, { token: owner.token });
    assert.equal(again.status, 404);
    assert.equal(again.body.code, 'TOKENS.NOT_FOUND');
  });

  test('400 for a non-UUID tokenId; 404 for an absent token or one of another organization; 403 for members', async () => {
    const id = await createOrg('Revoke rules');
    const other = await createOrg('Revoke other');
    const foreign = await issue(other);
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(id)}/42`, { token: owner.token })).status, 400);
    assert.equal(
      (await call(t.app, 'DELETE', `${tokensUrl(id)}/00000000-0000-4000-8000-000000000000`, { token: owner.token })).status,
      404,
    );
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(id)}/${foreign.id}`, { token: owner.token })).status, 404);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${other}`, { token: foreign.token })).status, 200);
    const member = await t.user('member-revoke@example.com');
    await call(t.app, 'POST', `/v1/organizations/${other}/members`, {
      token: owner.token,
      body: { email: 'member-revoke@example.com', role: 'member' },
    });
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(other)}/${foreign.id}`, { token: member.token })).status, 403);
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(other)}/${foreign.id}`, { token: outsider.token })).status, 404);
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(other)}/${foreign.id}`, { token: platformAdmin.token })).status, 204);
  });
});

describe('last_used_at', () => {
  test('is set after a use and not rewritten on every request', async () => {
    const id = await createOrg('Usage');
    const issued = await issue(id);
    assert.equal(await lastUsedAt(issued.id), null);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: issued.token })).status, 200);
    const first = await eventually(
      () => lastUsedAt(issued.id),
      (at) => at !== null,
    );
    const listed = await call(t.app, 'GET', tokensUrl(id), { token: owner.token });
    assert.equal(new Date(listed.body[0].last_used_at).getTime(), new Date(first!).getTime());
    // Backdate it: any further write would now change it, so an unchanged value means no UPDATE ran.
    await t.dataSource.query(`UPDATE authorization_tokens SET last_used_at = now() - interval '5 minutes' WHERE id = $1`, [issued.id]);
    const backdated = await lastUsedAt(issued.id);
    for (let i = 0; i < 5; i++) {
      assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: issued.token })).status, 200);
    }
    await t.app.get(TokenUsageRecorder).settled();
    assert.equal(await lastUsedAt(issued.id), backdated);
  });

  test('each process writes at most once a minute per token, and skips the write when another process just did', async () => {
    const id = await createOrg('Recorder');
    const issued = await issue(id);
    const recorder = new TokenUsageRecorder(t.dataSource);
    const now = Date.now();
    recorder.used(issued.id, now);
    const first = await eventually(
      () => lastUsedAt(issued.id),
      (at) => at !== null,
    );
    await t.dataSource.query(`UPDATE authorization_tokens SET last_used_at = now() - interval '5 minutes' WHERE id = $1`, [issued.id]);
    const old = await lastUsedAt(issued.id);
    recorder.used(issued.id, now + 30_000);
    await recorder.settled();
    assert.equal(await lastUsedAt(issued.id), old, 'written again within the minute');
    recorder.used(issued.id, now + 61_000);
    const refreshed = await eventually(
      () => lastUsedAt(issued.id),
      (at) => at !== old,
    );
    assert.ok(new Date(refreshed!) >= new Date(first!));
    // A second process whose own clock says "due" still leaves a fresh value alone.
    const otherProcess = new TokenUsageRecorder(t.dataSource);
    otherProcess.used(issued.id, now + 62_000);
    await otherProcess.settled();
    assert.equal(await lastUsedAt(issued.id), refreshed);
  });
});

test('deleting the organization revokes its tokens, each with AuthorizationTokenRevoked', async () => {
  const id = await createOrg('Doomed');
  const a = await issue(id);
  const b = await issue(id, { delete_enabled: true });
  const revokedBefore = await issue(id);
  await call(t.app, 'DELETE', `${tokensUrl(id)}/${revokedBefore.id}`, { token: owner.token });
  assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: b.token })).status, 403);
  assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: owner.token })).status, 204);
  for (const token of [a, b]) {
    const recorded = await events(token.id);
    assert.deepEqual(
      recorded.map((e) => e.type),
      ['tech.entropy.authorization_token.issued', 'tech.entropy.authorization_token.revoked'],
    );
    assert.deepEqual(recorded[1].data, { token_id: recorded[1].data.token_id, reason: 'organization_deleted', revoked_by: null });
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: token.token })).status, 401);
  }
  assert.equal((await events(revokedBefore.id)).length, 2);
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1', [id]);
  assert.equal(count, 0);
});

describe("a token never outlives its creator's rights", () => {
  let seq = 0;
  const membersUrl = (id: string, userId?: number) => `/v1/organizations/${id}/members${userId === undefined ? '' : `/${userId}`}`;

  /** A new user who is `role` in the organization, added by the owner. */
  async function memberWith(organizationId: string, role: string) {
    const email = `creator-${++seq}@example.com`;
    const user = await t.user(email);
    const res = await call(t.app, 'POST', membersUrl(organizationId), { token: owner.token, body: { email, role } });
    assert.equal(res.status, 201, res.text);
    return user;
  }

  const works = async (organizationId: string, token: string) =>
    (await call(t.app, 'GET', `/v1/organizations/${organizationId}`, { token })).status;

  async function revocation(tokenId: string) {
    const recorded = await events(tokenId);
    return recorded.filter((e) => e.type === 'tech.entropy.authorization_token.revoked').map((e) => e.data);
  }

  test('removing the creator revokes their tokens at once (creator_removed), and only theirs', async () => {
    const id = await createOrg('Creator removed');
    const elsewhere = await createOrg('Creator elsewhere');
    const admin = await memberWith(id, 'admin');
    assert.equal(
      (
        await call(t.app, 'POST', membersUrl(elsewhere), {
          token: owner.token,
          body: { email: `creator-${seq}@example.com`, role: 'admin' },
        })
      ).status,
      201,
    );
    const mine = [await issue(id, {}, admin.token), await issue(id, { write_enabled: true }, admin.token)];
    const revokedByHand = await issue(id, {}, admin.token);
    assert.equal((await call(t.app, 'DELETE', `${tokensUrl(id)}/${revokedByHand.id}`, { token: owner.token })).status, 204);
    const ownersToken = await issue(id);
    const inOtherOrg = await issue(elsewhere, {}, admin.token);

    assert.equal((await call(t.app, 'DELETE', membersUrl(id, admin.id), { token: owner.token })).status, 204);
    for (const token of mine) {
      assert.equal(await works(id, token.token), 401);
      assert.deepEqual(await revocation(token.id), [
        { token_id: token.id, reason: 'creator_removed', revoked_by: { type: 'user', id: owner.id } },
      ]);
    }
    assert.deepEqual(await revocation(revokedByHand.id), [
      { token_id: revokedByHand.id, reason: 'revoked', revoked_by: { type: 'user', id: owner.id } },
    ]);
    assert.equal(await works(id, ownersToken.token), 200);
    assert.equal(await works(elsewhere, inOtherOrg.token), 200);
    assert.deepEqual(await revocation(inOtherOrg.id), []);
    const listed = await call(t.app, 'GET', tokensUrl(id), { token: owner.token });
    assert.deepEqual(
      listed.body.map((x: { id: string }) => x.id),
      [ownersToken.id],
    );
    // The removal and the revocations are one commit: MemberRemoved is in the outbox with them.
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM events WHERE aggregate_id = $1 AND type = 'tech.entropy.member.removed'`,
      [id],
    );
    assert.equal(count, 1);
  });

  test('a creator who leaves takes their tokens with them (creator_removed, revoked by themself)', async () => {
    const id = await createOrg('Creator leaves');
    const admin = await memberWith(id, 'admin');
    const token = await issue(id, {}, admin.token);
    assert.equal((await call(t.app, 'DELETE', membersUrl(id, admin.id), { token: admin.token })).status, 204);
    assert.equal(await works(id, token.token), 401);
    assert.deepEqual(await revocation(token.id), [
      { token_id: token.id, reason: 'creator_removed', revoked_by: { type: 'user', id: admin.id } },
    ]);
  });

  test('demotion to member revokes (creator_demoted); owner to admin keeps the tokens', async () => {
    const id = await createOrg('Creator demoted');
    const admin = await memberWith(id, 'admin');
    const secondOwner = await memberWith(id, 'owner');
    const adminsToken = await issue(id, {}, admin.token);
    const ownersToken = await issue(id, { write_enabled: true }, secondOwner.token);

    const toAdmin = await call(t.app, 'PATCH', membersUrl(id, secondOwner.id), { token: owner.token, body: { role: 'admin' } });
    assert.equal(toAdmin.status, 200, toAdmin.text);
    assert.equal(await works(id, ownersToken.token), 200);
    assert.deepEqual(await revocation(ownersToken.id), []);

    for (const [user, token] of [
      [admin, adminsToken],
      [secondOwner, ownersToken],
    ] as const) {
      const demoted = await call(t.app, 'PATCH', membersUrl(id, user.id), { token: owner.token, body: { role: 'member' } });
      assert.equal(demoted.status, 200, demoted.text);
      assert.equal(await works(id, token.token), 401);
      assert.deepEqual(await revocation(token.id), [
        { token_id: token.id, reason: 'creator_demoted', revoked_by: { type: 'user', id: owner.id } },
      ]);
    }
    // Promoted again, they get nothing back: a revoked token stays revoked.
    assert.equal((await call(t.app, 'PATCH', membersUrl(id, admin.id), { token: owner.token, body: { role: 'admin' } })).status, 200);
    assert.equal(await works(id, adminsToken.token), 401);
  });

  test('a refused removal or demotion revokes nothing', async () => {
    const id = await createOrg('Last owner keeps tokens');
    const token = await issue(id);
    const leave = await call(t.app, 'DELETE', membersUrl(id, owner.id), { token: owner.token });
    assert.equal(leave.status, 409);
    const demote = await call(t.app, 'PATCH', membersUrl(id, owner.id), { token: owner.token, body: { role: 'member' } });
    assert.equal(demote.status, 409);
    assert.equal(await works(id, token.token), 200);
    assert.deepEqual(await revocation(token.id), []);
  });

  test('a token issued while its creator is being demoted never survives the demotion', async () => {
    const id = await createOrg('Issue during demotion');
    const admin = await memberWith(id, 'admin');
    for (let round = 0; round < 10; round++) {
      const [issued, demoted] = await Promise.all([
        call(t.app, 'POST', tokensUrl(id), { token: admin.token, body: {} }),
        call(t.app, 'PATCH', membersUrl(id, admin.id), { token: owner.token, body: { role: 'member' } }),
      ]);
      assert.equal(demoted.status, 200, demoted.text);
      assert.ok([201, 403].includes(issued.status), issued.text);
      if (issued.status === 201) assert.equal(await works(id, issued.body.token), 401, `round ${round}`);
      assert.equal((await call(t.app, 'PATCH', membersUrl(id, admin.id), { token: owner.token, body: { role: 'admin' } })).status, 200);
    }
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM authorization_tokens WHERE organization_id = $1 AND created_by = $2 AND revoked_at IS NULL',
      [id, admin.id],
    );
    assert.equal(count, 0);
  });
});
