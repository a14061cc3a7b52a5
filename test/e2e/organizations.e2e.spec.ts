import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { allPages, call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: { id: number; token: string };
let outsider: { id: number; token: string };
let platformAdmin: { id: number; token: string };

async function outbox(aggregateId: string) {
  return t.dataSource.query(
    `SELECT type, data FROM events WHERE aggregate_type = 'Organization' AND aggregate_id = $1 AND type LIKE 'tech.entropy.organization.%' ORDER BY insert_order`,
    [aggregateId],
  ) as Promise<{ type: string; data: Record<string, unknown> }[]>;
}

const createOrg = (token: string, body: Record<string, unknown> = { name: 'Fake organization' }) => createOrganization(t.app, token, body);

async function addMember(organizationId: string, userId: number, role: string) {
  await t.dataSource.query(
    `INSERT INTO memberships (organization_id, user_id, role, status, joined_at) VALUES ($1, $2, $3, 'active', now())`,
    [organizationId, userId, role],
  );
}

before(async () => {
  t = await startTestApp();
  owner = await t.user('owner@example.com');
  outsider = await t.user('outsider@example.com');
  platformAdmin = await t.user('root@example.com', { admin: true });
});
after(() => t.close());

describe('POST /v1/organizations', () => {
  test('answers 201 with exactly { id }, makes the caller owner and writes OrganizationCreated', async () => {
    const res = await call(t.app, 'POST', '/v1/organizations', {
      token: owner.token,
      body: { name: 'Fake organization', currency: 'MXN', domain: 'http://fake.fake' },
    });
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.body), ['id']);
    assert.match(res.body.id, /^[0-9a-f-]{36}$/);
    const [membership] = await t.dataSource.query('SELECT user_id, role, status FROM memberships WHERE organization_id = $1', [
      res.body.id,
    ]);
    assert.deepEqual(membership, { user_id: owner.id, role: 'owner', status: 'active' });
    const events = await outbox(res.body.id);
    assert.deepEqual(
      events.map((e) => e.type),
      ['tech.entropy.organization.created'],
    );
    assert.deepEqual(events[0].data.created_by, { type: 'user', id: owner.id });
  });

  test('rejects bad input with 400 and the contract error body, creating nothing', async () => {
    const [{ count: before }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'Ok', currency: 'ZZZ' }, 'currency'],
      [{ name: 'Ok', domain: 'not a url' }, 'domain'],
      [{ name: 'Ok', contact_email: 'nope' }, 'contact_email'],
      [{ name: 'Ok', badge_templates: [] }, 'badge_templates'],
      [{ name: '   ' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.code, 'VALIDATION.FAILED');
      assert.equal(res.body.statusCode, 400);
      assert.equal(res.body.error, 'Bad Request');
      assert.equal(typeof res.body.message, 'string');
      assert.ok(
        res.body.details.some((d: { field: string }) => d.field === field),
        `${field} in ${res.text}`,
      );
    }
    const [{ count: afterCount }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    assert.equal(afterCount, before);
  });

  test('needs a caller: 401 with WWW-Authenticate', async () => {
    const res = await call(t.app, 'POST', '/v1/organizations', { body: { name: 'Nope' } });
    assert.equal(res.status, 401);
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="entropy"');
    assert.equal(res.body.code, 'AUTH.UNAUTHENTICATED');
  });

  test('gives every organization a unique vanity slug, even under concurrent creation', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => createOrg(owner.token, { name: 'Same Name Inc.' })));
    const rows: { vanity_slug: string }[] = await t.dataSource.query('SELECT vanity_slug FROM organizations WHERE id = ANY($1)', [ids]);
    const slugs = rows.map((r) => r.vanity_slug).sort();
    assert.equal(new Set(slugs).size, 6);
    assert.ok(slugs.includes('same-name-inc'));
    assert.ok(
      slugs.every((s) => /^same-name-inc(-\d+)?$/.test(s)),
      slugs.join(),
    );
  });
});

describe('input hygiene', () => {
  test('a NUL character anywhere in a body is 400, not a database error', async () => {
    const res = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: { name: 'nul\u0000byte' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'VALIDATION.FAILED');
    const id = await createOrg(owner.token);
    const put = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { bio: 'a\u0000b' } });
    assert.equal(put.status, 400);
  });

  test('currency is stored upper-case; a name is trimmed', async () => {
    const id = await createOrg(owner.token, { name: '  Spaced  ', currency: 'usd' });
    const res = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token });
    assert.equal(res.body.currency, 'USD');
    assert.equal(res.body.name, 'Spaced');
  });

  test('"Acme" and "Acme 2" created at once get distinct slugs', async () => {
    for (let round = 0; round < 3; round++) {
      const base = `Race ${round}`;
      const results = await Promise.all(
        [base, `${base} 2`, base, `${base} 2`].map((name) =>
          call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: { name } }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        [201, 201, 201, 201],
      );
    }
  });
});

describe('GET /v1/organizations/{id}', () => {
  test('answers the full object with the caller role and an ETag', async () => {
    const id = await createOrg(owner.token, {
      name: 'Profile Org',
      currency: 'USD',
      address: '1313 Mockingbird Lane',
      city: 'Bloomington',
      state_or_province: 'Minnesota',
      zip_or_postal_code: '55437',
      country: 'United States',
      bio: 'Since 1994',
    });
    const res = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token });
    assert.equal(res.status, 200);
    assert.equal(res.headers.etag, '"1"');
    assert.equal(res.body.id, id);
    assert.equal(res.body.role, 'owner');
    assert.equal(res.body.currency, 'USD');
    assert.equal(res.body.location, '1313 Mockingbird Lane Bloomington Minnesota 55437 United States');
    assert.equal(res.body.vanity_slug, 'profile-org');
    assert.equal(res.body.vanity_url, 'http://api.test/org/profile-org');
    assert.equal(res.body.verified, false);
    assert.match(res.body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const field of ['website_url', 'webhook_url', 'contact_email', 'support_url', 'photo_url', 'twitter_url', 'verified_at']) {
      assert.ok(field in res.body, field);
    }
    assert.equal('version' in res.body, false);
  });

  test('is 404 for an outsider, 400 for a malformed id, 200 for a platform admin', async () => {
    const id = await createOrg(owner.token);
    const hidden = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: outsider.token });
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.code, 'ORGANIZATIONS.NOT_FOUND');
    const absent = await call(t.app, 'GET', '/v1/organizations/00000000-0000-4000-8000-000000000000', { token: owner.token });
    assert.deepEqual(absent.body, hidden.body);
    const malformed = await call(t.app, 'GET', '/v1/organizations/42', { token: owner.token });
    assert.equal(malformed.status, 400);
    const admin = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: platformAdmin.token });
    assert.equal(admin.status, 200);
    assert.equal(admin.body.role, null);
  });

  test('answers 304 to If-None-Match with the current ETag', async () => {
    const id = await createOrg(owner.token);
    const res = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token, headers: { 'if-none-match': '"1"' } });
    assert.equal(res.status, 304);
  });
});

describe('GET /v1/organizations', () => {
  test("lists only the caller's organizations, keyset-paged with Link and X-Total-Count", async () => {
    const caller = await t.user('pager@example.com');
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await createOrg(caller.token, { name: `Paged ${i}` }));
    await createOrg(outsider.token, { name: 'Not yours' });

    const pages = await allPages(t.app, '/v1/organizations?per=3', caller.token);
    assert.deepEqual(
      pages.map((p) => p.body.length),
      [3, 3, 1],
    );
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.equal(page.headers['x-total-count'], '7');
    }
    assert.deepEqual(
      pages.flatMap((p) => p.body.map((o: { id: string }) => o.id)),
      ids,
    );
    assert.ok(pages.every((p) => p.body.every((o: { role: string }) => o.role === 'owner')));
  });

  test('validates per and cursor', async () => {
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const query of [
      'per=0',
      'per=101',
      'per=abc',
      'cursor=garbage',
      `cursor=${forged(['not a time', 'not-a-uuid'])}`,
      `cursor=${forged(['2026-01-01 00:00:00+00', 'zzz'])}`,
      `cursor=${forged([1, 2])}`,
      `cursor=${forged(['2026-13-45 99:99:99+00', '00000000-0000-4000-8000-000000000000'])}`,
    ]) {
      const res = await call(t.app, 'GET', `/v1/organizations?${query}`, { token: owner.token });
      assert.equal(res.status, 400, query);
    }
  });

  test('shows every organization to a platform admin', async () => {
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
    const res = await call(t.app, 'GET', '/v1/organizations?per=1', { token: platformAdmin.token });
    assert.equal(res.headers['x-total-count'], String(count));
  });
});

describe('PUT /v1/organizations/{id}', () => {
  test('updates a subset, bumps the ETag and records the changed field names', async () => {
    const id = await createOrg(owner.token, { name: 'Before' });
    const res = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: owner.token,
      headers: { 'if-match': '"1"' },
      body: { name: 'After', city: 'Bloomington', photo: 'https://cdn.example.com/logo.png', bio: null },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.etag, '"2"');
    assert.equal(res.body.name, 'After');
    assert.equal(res.body.photo_url, 'https://cdn.example.com/logo.png');
    assert.equal(res.body.vanity_slug, 'before');
    const events = await outbox(id);
    assert.deepEqual(
      events.map((e) => e.type),
      ['tech.entropy.organization.created', 'tech.entropy.organization.updated'],
    );
    assert.deepEqual((events[1].data.changed_fields as string[]).sort(), ['city', 'name', 'photo_url']);
    const again = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token });
    assert.equal(again.body.name, 'After');
  });

  test('a stale If-Match answers 412 and changes nothing', async () => {
    const id = await createOrg(owner.token, { name: 'Stale' });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'One' } });
    const res = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: owner.token,
      headers: { 'if-match': '"1"' },
      body: { city: 'Two' },
    });
    assert.equal(res.status, 412);
    assert.equal(res.body.code, 'ORGANIZATIONS.STALE_ETAG');
    const [row] = await t.dataSource.query('SELECT city, version FROM organizations WHERE id = $1', [id]);
    assert.deepEqual(row, { city: 'One', version: 2 });
  });

  test('If-Match with several ETags accepts any of them; one naming no version of ours is 412', async () => {
    const id = await createOrg(owner.token, { name: 'Many tags' });
    await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { city: 'One' } });
    const ok = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: owner.token,
      headers: { 'if-match': '"1", "2"' },
      body: { city: 'Two' },
    });
    assert.equal(ok.status, 200);
    const foreign = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: owner.token,
      headers: { 'if-match': 'W/"3", "abc"' },
      body: { city: 'Three' },
    });
    assert.equal(foreign.status, 412);
  });

  test('verified_at must be an ISO date-time in range (platform admins)', async () => {
    const id = await createOrg(owner.token, { name: 'Verify dates' });
    for (const verified_at of [-8.64e15, true, '2030-W01', 'yesterday', '0001-01-01T00:00:00Z']) {
      const res = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: platformAdmin.token, body: { verified_at } });
      assert.equal(res.status, 400, JSON.stringify(verified_at));
    }
    const ok = await call(t.app, 'PUT', `/v1/organizations/${id}`, {
      token: platformAdmin.token,
      body: { verified: true, verified_at: '2026-01-02T03:04:05Z' },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.verified_at, '2026-01-02T03:04:05.000Z');
  });

  test('concurrent updates with the same If-Match: exactly one wins', async () => {
    const id = await createOrg(owner.token, { name: 'Race' });
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((city) =>
        call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, headers: { 'if-match': '"1"' }, body: { city } }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412, 412, 412]);
    const [row] = await t.dataSource.query('SELECT version FROM organizations WHERE id = $1', [id]);
    assert.equal(row.version, 2);
  });

  test('concurrent updates of different fields without If-Match all succeed, and none is lost', async () => {
    const id = await createOrg(owner.token, { name: 'Many writers' });
    const fields = [
      'domain',
      'website_url',
      'contact_email',
      'legal_contact_email',
      'technical_contact_email',
      'support_email',
      'support_url',
      'zip_or_postal_code',
      'organization_type',
      'bio',
      'twitter_url',
      'facebook_url',
      'linked_in_url',
      'photo_url',
      'address',
      'city',
      'state_or_province',
      'country',
      'name',
      'currency',
    ];
    const value = (field: string, n: number) =>
      field === 'currency'
        ? n < 20
          ? 'EUR'
          : 'USD'
        : field.endsWith('email')
          ? `writer-${n}@example.com`
          : field.endsWith('url') || field === 'domain'
            ? `https://example.com/writer-${n}`
            : `Writer ${n}`;
    // 40 writers, two per field with different values: every write changes something.
    const writes = Array.from({ length: 40 }, (_, n) => ({ field: fields[n % fields.length], value: value(fields[n % fields.length], n) }));
    const results = await Promise.all(
      writes.map(({ field, value }) => call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { [field]: value } })),
    );
    assert.deepEqual(
      results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body?.code}`),
      [],
    );
    const [row] = await t.dataSource.query('SELECT * FROM organizations WHERE id = $1', [id]);
    for (const field of fields) {
      const written = writes.filter((w) => w.field === field).map((w) => w.value);
      assert.ok(written.includes(row[field]), `${field} = ${row[field]}, written ${written.join(', ')}`);
    }
    assert.equal(row.version, 41);
    assert.deepEqual(results.map((r) => r.headers.etag).sort(), Array.from({ length: 40 }, (_, n) => `"${n + 2}"`).sort());
    const updates = (await outbox(id)).filter((e) => e.type === 'tech.entropy.organization.updated');
    assert.equal(updates.length, 40);
  });

  test('roles: member 403, outsider 404, owner-only verified fields 403, platform admin may verify', async () => {
    const id = await createOrg(owner.token);
    const member = await t.user('member-put@example.com');
    const orgAdmin = await t.user('admin-put@example.com');
    await addMember(id, member.id, 'member');
    await addMember(id, orgAdmin.id, 'admin');
    assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: member.token, body: { city: 'x' } })).status, 403);
    assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: outsider.token, body: { city: 'x' } })).status, 404);
    assert.equal((await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: orgAdmin.token, body: { city: 'y' } })).status, 200);
    const selfVerify = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body: { verified: true } });
    assert.equal(selfVerify.status, 403);
    const verified = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: platformAdmin.token, body: { verified: true } });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.verified, true);
    assert.ok(verified.body.verified_at);
  });

  test('rejects unknown fields and bad values with 400, changing nothing', async () => {
    const id = await createOrg(owner.token, { name: 'Strict' });
    for (const body of [{ allow_saml_debug: true }, { name: null }, { website_url: 'ftp://x' }, { currency: 'usd1' }]) {
      const res = await call(t.app, 'PUT', `/v1/organizations/${id}`, { token: owner.token, body });
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    const [row] = await t.dataSource.query('SELECT name, version FROM organizations WHERE id = $1', [id]);
    assert.deepEqual(row, { name: 'Strict', version: 1 });
  });
});

describe('DELETE /v1/organizations/{id}', () => {
  test('only the owner deletes: 204, then 404, with OrganizationDeleted in the outbox', async () => {
    const id = await createOrg(owner.token, { name: 'Doomed' });
    const orgAdmin = await t.user('admin-del@example.com');
    await addMember(id, orgAdmin.id, 'admin');
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: orgAdmin.token })).status, 403);
    // An admin may mint a token with every flag; it still cannot do what only an owner may.
    const minted = await call(t.app, 'POST', `/v1/organizations/${id}/authorization_tokens`, {
      token: orgAdmin.token,
      body: { read_enabled: true, write_enabled: true, delete_enabled: true },
    });
    assert.equal(minted.status, 201, minted.text);
    const byToken = await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: minted.body.token });
    assert.equal(byToken.status, 403);
    assert.equal(byToken.body.code, 'TOKENS.PERMISSION_DENIED');
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token })).status, 200);
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: outsider.token })).status, 404);
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: owner.token })).status, 204);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: owner.token })).status, 404);
    assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}`, { token: owner.token })).status, 404);
    const events = await outbox(id);
    assert.equal(events.at(-1)?.type, 'tech.entropy.organization.deleted');
    const memberships = await t.dataSource.query('SELECT 1 FROM memberships WHERE organization_id = $1', [id]);
    assert.equal(memberships.length, 0);
  });
});
