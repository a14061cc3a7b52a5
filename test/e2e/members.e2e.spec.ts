import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { allPages, call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: { id: number; token: string };
let outsider: { id: number; token: string };
let platformAdmin: { id: number; token: string };

interface Event {
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/** The organization's stored events of one type (`member.added`...), in the order they were written. */
async function events(organizationId: string, type: string): Promise<Event[]> {
  return t.dataSource.query('SELECT type, subject, data FROM events WHERE organization_id = $1 AND type = $2 ORDER BY insert_order', [
    organizationId,
    `tech.entropy.${type}`,
  ]);
}

/** The data without its membership id, after checking that id is the membership's. */
async function withoutMembership(event: Event): Promise<Record<string, unknown>> {
  const { membership_id: membershipId, ...rest } = event.data;
  assert.equal(typeof membershipId, 'number');
  return rest;
}

const createOrg = (token = owner.token, name = 'Members org') => createOrganization(t.app, token, { name });

/** Adds through the API as the owner; the person must be a fresh email or an existing user. */
async function add(organizationId: string, email: string, role: string, token = owner.token) {
  return call(t.app, 'POST', `/v1/organizations/${organizationId}/members`, { token, body: { email, role } });
}

async function roleOf(organizationId: string, userId: number): Promise<string | undefined> {
  const [row] = await t.dataSource.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [
    organizationId,
    userId,
  ]);
  return row?.role;
}

async function ownerCount(organizationId: string): Promise<number> {
  const [{ count }] = await t.dataSource.query(
    `SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1 AND role = 'owner' AND status = 'active'`,
    [organizationId],
  );
  return count;
}

let seq = 0;
/** A new user who is `role` in the organization. */
async function memberWith(organizationId: string, role: string) {
  const email = `${role}-${++seq}@example.com`;
  const user = await t.user(email);
  const res = await add(organizationId, email, role);
  assert.equal(res.status, 201, res.text);
  return user;
}

before(async () => {
  t = await startTestApp();
  owner = await t.user('owner@example.com', { name: 'Olive Owner' });
  outsider = await t.user('outsider@example.com');
  platformAdmin = await t.user('root@example.com', { admin: true });
});
after(() => t.close());

describe('GET /v1/organizations/{id}/members', () => {
  test('lists active and pending members in a stable order, keyset-paged with X-Total-Count', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    await add(id, 'invited-list@example.com', 'member');
    const plain = await memberWith(id, 'member');
    await add(id, 'invited-list-2@example.com', 'admin');

    const pages = await allPages(t.app, `/v1/organizations/${id}/members?per=2`, owner.token);
    assert.deepEqual(
      pages.map((p) => p.body.length),
      [2, 2, 1],
    );
    for (const page of pages) {
      assert.equal(page.status, 200);
      assert.equal(page.headers['x-total-count'], '5');
    }
    const members = pages.flatMap((p) => p.body);
    assert.deepEqual(
      members.map((m: { id: number | null; email: string; role: string; status: string }) => [m.id, m.email, m.role, m.status]),
      [
        [owner.id, 'owner@example.com', 'owner', 'active'],
        [admin.id, `admin-${seq - 1}@example.com`, 'admin', 'active'],
        [null, 'invited-list@example.com', 'member', 'pending'],
        [plain.id, `member-${seq}@example.com`, 'member', 'active'],
        [null, 'invited-list-2@example.com', 'admin', 'pending'],
      ],
    );
    assert.deepEqual(Object.keys(members[0]).sort(), ['email', 'id', 'invitation_id', 'joined_at', 'name', 'role', 'status']);
    assert.equal(members[0].invitation_id, null);
    assert.match(members[2].invitation_id, /^[0-9a-f-]{36}$/);
    assert.equal(members[0].name, 'Olive Owner');
    assert.match(members[0].joined_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(members[2].name, null);
    assert.equal(members[2].joined_at, null);

    const asMember = await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: plain.token });
    assert.equal(asMember.status, 200);
    assert.equal(asMember.body.length, 5);
  });

  test('is 404 for outsiders and absent organizations, 400 for bad ids and cursors, 200 for platform admins', async () => {
    const id = await createOrg();
    const hidden = await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: outsider.token });
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.code, 'ORGANIZATIONS.NOT_FOUND');
    const absent = await call(t.app, 'GET', '/v1/organizations/00000000-0000-4000-8000-000000000000/members', { token: owner.token });
    assert.equal(absent.status, 404);
    assert.equal((await call(t.app, 'GET', '/v1/organizations/nope/members', { token: owner.token })).status, 400);
    const forged = Buffer.from(JSON.stringify([1.5])).toString('base64url');
    for (const query of ['per=0', 'cursor=garbage', `cursor=${forged}`]) {
      assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/members?${query}`, { token: owner.token })).status, 400, query);
    }
    const admin = await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: platformAdmin.token });
    assert.equal(admin.status, 200);
    assert.equal(admin.body.length, 1);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/members`)).status, 401);
  });
});

describe('POST /v1/organizations/{id}/members', () => {
  test('adds an existing user as an active member with MemberAdded; they then see the organization', async () => {
    const id = await createOrg();
    const user = await t.user('existing@example.com', { name: 'Ed Existing' });
    const res = await add(id, 'Existing@Example.com', 'admin');
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.id, user.id);
    assert.equal(res.body.name, 'Ed Existing');
    assert.equal(res.body.email, 'existing@example.com');
    assert.equal(res.body.role, 'admin');
    assert.equal(res.body.status, 'active');
    assert.ok(res.body.joined_at);
    const [event] = await events(id, 'member.added');
    assert.equal(event.subject, `members/${user.id}`);
    assert.deepEqual(await withoutMembership(event), {
      user_id: user.id,
      invitation_id: null,
      role: 'admin',
      status: 'active',
      added_by: { type: 'user', id: owner.id },
    });
    assert.equal(res.body.invitation_id, null);
    const org = await call(t.app, 'GET', `/v1/organizations/${id}`, { token: user.token });
    assert.equal(org.status, 200);
    assert.equal(org.body.role, 'admin');
  });

  test('an unknown email becomes a pending membership, activated when that person is created', async () => {
    const id = await createOrg();
    const other = await createOrg(owner.token, 'Second org');
    const res = await add(id, 'Newcomer@Example.com', 'member');
    assert.equal(res.status, 201, res.text);
    const invitationId = res.body.invitation_id;
    assert.match(invitationId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(res.body, {
      id: null,
      name: null,
      email: 'newcomer@example.com',
      role: 'member',
      status: 'pending',
      joined_at: null,
      invitation_id: invitationId,
    });
    assert.equal((await add(other, 'newcomer@example.com', 'admin')).status, 201);
    const [event] = await events(id, 'member.added');
    const [{ id: membershipId }] = await t.dataSource.query('SELECT id FROM memberships WHERE organization_id = $1 AND user_id IS NULL', [
      id,
    ]);
    assert.equal(event.subject, `invitations/${invitationId}`);
    assert.deepEqual(event.data, {
      membership_id: membershipId,
      invitation_id: invitationId,
      user_id: null,
      role: 'member',
      status: 'pending',
      added_by: { type: 'user', id: owner.id },
    });

    const newcomer = await t.user('NEWCOMER@example.com', { name: 'Nina Newcomer' });
    const listed = await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: owner.token });
    const member = listed.body.find((m: { email: string }) => m.email === 'newcomer@example.com');
    assert.equal(member.id, newcomer.id);
    assert.equal(member.name, 'Nina Newcomer');
    assert.equal(member.status, 'active');
    assert.ok(member.joined_at);
    assert.equal(member.invitation_id, null);
    assert.equal(await roleOf(other, newcomer.id), 'admin');
    const activated = [...(await events(id, 'member.activated')), ...(await events(other, 'member.activated'))];
    assert.deepEqual(
      activated.map((e) => e.data),
      [
        { invitation_id: invitationId, user_id: newcomer.id, role: 'member' },
        { invitation_id: activated[1]?.data.invitation_id, user_id: newcomer.id, role: 'admin' },
      ],
    );
    assert.notEqual(activated[1].data.invitation_id, invitationId);
    assert.equal(activated[0].subject, `members/${newcomer.id}`);
    const mine = await call(t.app, 'GET', '/v1/organizations', { token: newcomer.token });
    assert.deepEqual(mine.body.map((o: { id: string }) => o.id).sort(), [id, other].sort());
    const pending = await t.dataSource.query(`SELECT 1 FROM memberships WHERE status = 'pending' AND email = 'newcomer@example.com'`);
    assert.equal(pending.length, 0);
  });

  test('409 when already a member, active or pending (whatever the email case)', async () => {
    const id = await createOrg();
    const user = await memberWith(id, 'member');
    const email = (await t.dataSource.query('SELECT email FROM users WHERE id = $1', [user.id]))[0].email as string;
    const again = await add(id, email.toUpperCase(), 'admin');
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'MEMBERS.ALREADY_MEMBER');
    const self = await add(id, 'owner@example.com', 'member');
    assert.equal(self.status, 409);
    assert.equal((await add(id, 'pending-dup@example.com', 'member')).status, 201);
    const dup = await add(id, 'Pending-Dup@example.com', 'member');
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'MEMBERS.ALREADY_MEMBER');
    assert.equal((await events(id, 'member.added')).length, 2);
  });

  test('only owners (and platform admins) add owners; members add nobody; outsiders see 404', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const byAdmin = await add(id, 'would-be-owner@example.com', 'owner', admin.token);
    assert.equal(byAdmin.status, 403);
    assert.equal(byAdmin.body.code, 'MEMBERS.OWNER_REQUIRED');
    assert.equal((await add(id, 'admin-adds@example.com', 'admin', admin.token)).status, 201);
    const byMember = await add(id, 'member-adds@example.com', 'member', member.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await add(id, 'outsider-adds@example.com', 'member', outsider.token)).status, 404);
    assert.equal((await add(id, 'co-owner@example.com', 'owner')).status, 201);
    assert.equal((await add(id, 'root-adds@example.com', 'owner', platformAdmin.token)).status, 201);
    const added = await events(id, 'member.added');
    assert.deepEqual(added.at(-1)?.data.added_by, { type: 'user', id: platformAdmin.id });
    assert.equal(added.length, 5);
  });

  test('rejects bad bodies with 400: unknown fields, bad email, bad role, missing fields', async () => {
    const id = await createOrg();
    const cases: [unknown, string][] = [
      [{ email: 'x@example.com', role: 'member', admin: true }, 'admin'],
      [{ email: 'not-an-email', role: 'member' }, 'email'],
      [{ email: 'x@example.com', role: 'king' }, 'role'],
      [{ email: 'x@example.com' }, 'role'],
      [{ role: 'member' }, 'email'],
      [{ email: 42, role: 'member' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t.app, 'POST', `/v1/organizations/${id}/members`, { token: owner.token, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.code, 'VALIDATION.FAILED');
      assert.ok(
        res.body.details.some((d: { field: string }) => d.field === field),
        `${field} in ${res.text}`,
      );
    }
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1', [id]);
    assert.equal(count, 1);
  });
});

describe('PATCH /v1/organizations/{id}/members/{userId}', () => {
  const patch = (id: string, userId: number | string, role: unknown, token = owner.token) =>
    call(t.app, 'PATCH', `/v1/organizations/${id}/members/${userId}`, { token, body: { role } });

  test('changes a role: 200 with the member and MemberRoleChanged(from, to); the same role changes nothing', async () => {
    const id = await createOrg();
    const member = await memberWith(id, 'member');
    const res = await patch(id, member.id, 'admin');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.id, member.id);
    assert.equal(res.body.role, 'admin');
    assert.equal(res.body.status, 'active');
    assert.equal(await roleOf(id, member.id), 'admin');
    assert.equal((await patch(id, member.id, 'admin')).status, 200);
    const changed = await events(id, 'member.role_changed');
    assert.deepEqual(await Promise.all(changed.map(withoutMembership)), [
      { user_id: member.id, previous_role: 'member', role: 'admin', changed_by: { type: 'user', id: owner.id } },
    ]);
  });

  test('admins manage members and admins but cannot change owners or promote to owner (403)', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const otherAdmin = await memberWith(id, 'admin');
    assert.equal((await patch(id, member.id, 'admin', admin.token)).status, 200);
    assert.equal((await patch(id, otherAdmin.id, 'member', admin.token)).status, 200);
    const promote = await patch(id, member.id, 'owner', admin.token);
    assert.equal(promote.status, 403);
    assert.equal(promote.body.code, 'MEMBERS.OWNER_REQUIRED');
    const demoteOwner = await patch(id, owner.id, 'member', admin.token);
    assert.equal(demoteOwner.status, 403);
    assert.equal(demoteOwner.body.code, 'MEMBERS.OWNER_REQUIRED');
    assert.equal(await roleOf(id, owner.id), 'owner');
    const byMember = await patch(id, admin.id, 'member', otherAdmin.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await patch(id, admin.id, 'member', outsider.token)).status, 404);
  });

  test('owners promote to owner; the last owner can never be demoted (409), even by a platform admin', async () => {
    const id = await createOrg();
    const last = await patch(id, owner.id, 'admin');
    assert.equal(last.status, 409);
    assert.equal(last.body.code, 'MEMBERS.LAST_OWNER');
    assert.equal((await patch(id, owner.id, 'member', platformAdmin.token)).status, 409);
    const admin = await memberWith(id, 'admin');
    assert.equal((await patch(id, admin.id, 'owner')).status, 200);
    assert.equal((await patch(id, owner.id, 'admin', admin.token)).status, 200);
    assert.equal(await roleOf(id, owner.id), 'admin');
    assert.equal((await patch(id, admin.id, 'member', admin.token)).status, 409);
    assert.equal((await patch(id, owner.id, 'owner', platformAdmin.token)).status, 200);
    assert.equal(await roleOf(id, owner.id), 'owner');
  });

  test('two owners demoting each other at the same time never leave the organization without an owner', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createOrg();
      const second = await memberWith(id, 'owner');
      const results = await Promise.all([patch(id, second.id, 'member', owner.token), patch(id, owner.id, 'member', second.token)]);
      // The loser is re-authorized under the lock: already demoted, it may manage no one any more.
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 403], `round ${round}: ${results.map((r) => r.text).join(' | ')}`);
      assert.equal(await ownerCount(id), 1);
    }
  });

  test('two owners demoting themselves at the same time: one succeeds, the other is the last owner (409)', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createOrg();
      const second = await memberWith(id, 'owner');
      const results = await Promise.all([patch(id, owner.id, 'admin', owner.token), patch(id, second.id, 'admin', second.token)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], `round ${round}: ${results.map((r) => r.text).join(' | ')}`);
      assert.equal(results.find((r) => r.status === 409)?.body.code, 'MEMBERS.LAST_OWNER');
      assert.equal(await ownerCount(id), 1);
    }
  });

  test('404 MEMBERS.NOT_FOUND for a non-member, 400 for a non-integer userId or a bad body', async () => {
    const id = await createOrg();
    const notMember = await patch(id, outsider.id, 'member');
    assert.equal(notMember.status, 404);
    assert.equal(notMember.body.code, 'MEMBERS.NOT_FOUND');
    assert.equal((await patch(id, 99999999999, 'member')).status, 404);
    assert.equal((await patch(id, 0, 'member')).status, 404);
    for (const bad of ['abc', '1.5', '-', '1e3', '0x10']) {
      const res = await patch(id, bad, 'member');
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.code, 'VALIDATION.FAILED');
    }
    const member = await memberWith(id, 'member');
    assert.equal((await patch(id, member.id, 'superuser')).status, 400);
    const extra = await call(t.app, 'PATCH', `/v1/organizations/${id}/members/${member.id}`, {
      token: owner.token,
      body: { role: 'admin', status: 'active' },
    });
    assert.equal(extra.status, 400);
    assert.equal(await roleOf(id, member.id), 'member');
  });
});

describe('DELETE /v1/organizations/{id}/members/{userId}', () => {
  const remove = (id: string, userId: number | string, token = owner.token) =>
    call(t.app, 'DELETE', `/v1/organizations/${id}/members/${userId}`, { token });

  test('owners and admins remove members (204, MemberRemoved); the removed user loses access', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const otherAdmin = await memberWith(id, 'admin');
    assert.equal((await remove(id, member.id, admin.token)).status, 204);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: member.token })).status, 404);
    assert.equal((await remove(id, otherAdmin.id)).status, 204);
    const removed = await events(id, 'member.removed');
    assert.deepEqual(await Promise.all(removed.map(withoutMembership)), [
      { user_id: member.id, role: 'member', removed_by: { type: 'user', id: admin.id }, left: false },
      { user_id: otherAdmin.id, role: 'admin', removed_by: { type: 'user', id: owner.id }, left: false },
    ]);
    const again = await remove(id, member.id);
    assert.equal(again.status, 404);
    assert.equal(again.body.code, 'MEMBERS.NOT_FOUND');
  });

  test('admins cannot remove owners, members cannot remove others (403); outsiders see 404', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const coOwner = await memberWith(id, 'owner');
    const byAdmin = await remove(id, coOwner.id, admin.token);
    assert.equal(byAdmin.status, 403);
    assert.equal(byAdmin.body.code, 'MEMBERS.OWNER_REQUIRED');
    const byMember = await remove(id, admin.id, member.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await remove(id, member.id, outsider.token)).status, 404);
    assert.equal((await remove(id, 'x')).status, 400);
    assert.equal((await remove(id, coOwner.id)).status, 204);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1', [id]);
    assert.equal(count, 3);
  });

  test('any member may leave; the last owner may not (409), neither by leaving nor by removal', async () => {
    const id = await createOrg();
    const member = await memberWith(id, 'member');
    const admin = await memberWith(id, 'admin');
    assert.equal((await remove(id, member.id, member.token)).status, 204);
    assert.equal((await remove(id, admin.id, admin.token)).status, 204);
    const left = await events(id, 'member.removed');
    assert.deepEqual(
      left.map((e) => [e.data.user_id, e.data.left]),
      [
        [member.id, true],
        [admin.id, true],
      ],
    );
    const leave = await remove(id, owner.id);
    assert.equal(leave.status, 409);
    assert.equal(leave.body.code, 'MEMBERS.LAST_OWNER');
    assert.equal((await remove(id, owner.id, platformAdmin.token)).status, 409);
    const coOwner = await memberWith(id, 'owner');
    assert.equal((await remove(id, owner.id)).status, 204);
    assert.equal((await remove(id, coOwner.id, coOwner.token)).status, 409);
  });

  test('two owners leaving at the same time: one leaves, the other stays the owner', async () => {
    const id = await createOrg();
    const second = await memberWith(id, 'owner');
    const results = await Promise.all([remove(id, owner.id, owner.token), remove(id, second.id, second.token)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [204, 409]);
    assert.equal(await ownerCount(id), 1);
  });
});

test('a rolled-back member change writes no event', async () => {
  const id = await createOrg();
  const before = (await t.dataSource.query('SELECT count(*)::int AS count FROM events'))[0].count;
  assert.equal(
    (await call(t.app, 'PATCH', `/v1/organizations/${id}/members/${owner.id}`, { token: owner.token, body: { role: 'member' } })).status,
    409,
  );
  assert.equal((await call(t.app, 'DELETE', `/v1/organizations/${id}/members/${owner.id}`, { token: owner.token })).status, 409);
  const afterCount = (await t.dataSource.query('SELECT count(*)::int AS count FROM events'))[0].count;
  assert.equal(afterCount, before);
});
