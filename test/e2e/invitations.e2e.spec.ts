import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { INVITATION_EXPIRY_LOCK, InvitationExpiryJob } from '../../src/organizations/invitation-expiry.job.js';
import { allPages, call, createOrganization } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

const TTL_DAYS = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestApp;
let job: InvitationExpiryJob;
let owner: { id: number; token: string };
let outsider: { id: number; token: string };
let platformAdmin: { id: number; token: string };

interface Event {
  type: string;
  data: Record<string, unknown>;
}

/** The organization's events of one routing key (e.g. `invitation.revoked`), in commit order. */
async function events(organizationId: string, routingKey: string): Promise<Event[]> {
  return t.dataSource.query('SELECT type, data FROM events WHERE organization_id = $1 AND type = $2 ORDER BY insert_order', [
    organizationId,
    `tech.entropy.${routingKey}`,
  ]);
}

const createOrg = (name = 'Invitations org') => createOrganization(t.app, owner.token, { name });

let seq = 0;
const fresh = (label: string) => `${label}-${++seq}@example.com`;

/** Invites an email nobody has signed up with; returns the invitation id. */
async function invite(organizationId: string, email: string, role: string, token = owner.token): Promise<string> {
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/members`, { token, body: { email, role } });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.body.status, 'pending');
  return res.body.invitation_id;
}

/** A new user who is `role` in the organization. */
async function memberWith(organizationId: string, role: string) {
  const email = fresh(role);
  const user = await t.user(email);
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/members`, { token: owner.token, body: { email, role } });
  assert.equal(res.status, 201, res.text);
  return user;
}

const list = (organizationId: string, token = owner.token) =>
  call(t.app, 'GET', `/v1/organizations/${organizationId}/invitations`, { token });
const patch = (organizationId: string, invitationId: string, role: unknown, token = owner.token) =>
  call(t.app, 'PATCH', `/v1/organizations/${organizationId}/invitations/${invitationId}`, { token, body: { role } });
const revoke = (organizationId: string, invitationId: string, token = owner.token) =>
  call(t.app, 'DELETE', `/v1/organizations/${organizationId}/invitations/${invitationId}`, { token });
const members = async (organizationId: string) =>
  (await call(t.app, 'GET', `/v1/organizations/${organizationId}/members`, { token: owner.token })).body;

async function expire(invitationId: string): Promise<void> {
  await t.dataSource.query(`UPDATE memberships SET expires_at = now() - interval '1 minute' WHERE invitation_id = $1`, [invitationId]);
}

before(async () => {
  t = await startTestApp({ INVITATION_TTL_DAYS: String(TTL_DAYS) });
  job = t.app.get(InvitationExpiryJob);
  owner = await t.user('owner@example.com', { name: 'Olive Owner' });
  outsider = await t.user('outsider@example.com');
  platformAdmin = await t.user('root@example.com', { admin: true });
});
after(() => t.close());

describe('GET /v1/organizations/{id}/invitations', () => {
  test('lists the open invitations only, in the order sent, keyset-paged with X-Total-Count', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const emails = [fresh('a'), fresh('b'), fresh('c')];
    const ids = [
      await invite(id, emails[0], 'member'),
      await invite(id, emails[1], 'admin', admin.token),
      await invite(id, emails[2], 'owner'),
    ];

    const pages = await allPages(t.app, `/v1/organizations/${id}/invitations?per=2`, owner.token);
    assert.deepEqual(
      pages.map((p) => [p.status, p.body.length, p.headers['x-total-count']]),
      [
        [200, 2, '3'],
        [200, 1, '3'],
      ],
    );
    const invitations = pages.flatMap((p) => p.body);
    assert.deepEqual(
      invitations.map((i: { id: string; email: string; role: string; invited_by: number }) => [i.id, i.email, i.role, i.invited_by]),
      [
        [ids[0], emails[0], 'member', owner.id],
        [ids[1], emails[1], 'admin', admin.id],
        [ids[2], emails[2], 'owner', owner.id],
      ],
    );
    assert.deepEqual(Object.keys(invitations[0]).sort(), ['created_at', 'email', 'expires_at', 'id', 'invited_by', 'role']);
    for (const invitation of invitations) {
      assert.match(invitation.id, UUID);
      const ttl = Date.parse(invitation.expires_at) - Date.parse(invitation.created_at);
      assert.ok(Math.abs(ttl - TTL_DAYS * 86_400_000) < 60_000, `expires INVITATION_TTL_DAYS after it was sent (${ttl} ms)`);
    }
    // The member list shows the same invitations by id.
    const pending = (await members(id)).filter((m: { status: string }) => m.status === 'pending');
    assert.deepEqual(
      pending.map((m: { invitation_id: string }) => m.invitation_id),
      ids,
    );
  });

  test('owners, admins and platform admins list; members 403; outsiders 404; bad ids and cursors 400', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    await invite(id, fresh('x'), 'member');
    assert.equal((await list(id, admin.token)).body.length, 1);
    assert.equal((await list(id, platformAdmin.token)).body.length, 1);
    const byMember = await list(id, member.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await list(id, outsider.token)).status, 404);
    assert.equal((await call(t.app, 'GET', '/v1/organizations/nope/invitations', { token: owner.token })).status, 400);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}/invitations?cursor=garbage`, { token: owner.token })).status, 400);
  });
});

describe('PATCH /v1/organizations/{id}/invitations/{invitationId}', () => {
  test('re-roles an invitation: 200 with the invitation; the person joins with the new role', async () => {
    const id = await createOrg();
    const email = fresh('rerole');
    const invitationId = await invite(id, email, 'member');
    const res = await patch(id, invitationId, 'admin');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.id, invitationId);
    assert.equal(res.body.email, email);
    assert.equal(res.body.role, 'admin');
    assert.equal(res.body.invited_by, owner.id);
    assert.deepEqual(Object.keys(res.body).sort(), ['created_at', 'email', 'expires_at', 'id', 'invited_by', 'role']);
    assert.equal((await list(id)).body[0].role, 'admin');
    const person = await t.user(email);
    const [row] = await t.dataSource.query('SELECT role, status FROM memberships WHERE organization_id = $1 AND user_id = $2', [
      id,
      person.id,
    ]);
    assert.deepEqual(row, { role: 'admin', status: 'active' });
  });

  test('admins re-role member and admin invitations but never touch or make an owner invitation (403); owners do', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const plain = await invite(id, fresh('plain'), 'member');
    const owning = await invite(id, fresh('owning'), 'owner');
    assert.equal((await patch(id, plain, 'admin', admin.token)).status, 200);
    const promote = await patch(id, plain, 'owner', admin.token);
    assert.equal(promote.status, 403);
    assert.equal(promote.body.code, 'MEMBERS.OWNER_REQUIRED');
    const demote = await patch(id, owning, 'member', admin.token);
    assert.equal(demote.status, 403);
    assert.equal(demote.body.code, 'MEMBERS.OWNER_REQUIRED');
    const byMember = await patch(id, plain, 'member', member.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await patch(id, plain, 'member', outsider.token)).status, 404);
    const roles = async () => (await list(id)).body.map((i: { role: string }) => i.role);
    assert.deepEqual(await roles(), ['admin', 'owner']);
    assert.equal((await patch(id, plain, 'owner')).status, 200);
    assert.equal((await patch(id, owning, 'member', platformAdmin.token)).status, 200);
    assert.deepEqual(await roles(), ['owner', 'member']);
  });

  test("404 INVITATIONS.NOT_FOUND for an unknown, active or other organization's invitation; 400 for a bad id or body", async () => {
    const id = await createOrg();
    const other = await createOrg('Other org');
    const elsewhere = await invite(other, fresh('elsewhere'), 'member');
    for (const invitationId of ['00000000-0000-4000-8000-000000000000', elsewhere]) {
      const res = await patch(id, invitationId, 'admin');
      assert.equal(res.status, 404, invitationId);
      assert.equal(res.body.code, 'INVITATIONS.NOT_FOUND');
    }
    const mine = await invite(id, fresh('mine'), 'member');
    for (const bad of ['abc', '123', `${mine}0`]) {
      const res = await patch(id, bad, 'admin');
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.code, 'VALIDATION.FAILED');
    }
    assert.equal((await patch(id, mine, 'king')).status, 400);
    const extra = await call(t.app, 'PATCH', `/v1/organizations/${id}/invitations/${mine}`, {
      token: owner.token,
      body: { role: 'admin', email: 'x@example.com' },
    });
    assert.equal(extra.status, 400);
    assert.equal((await list(id)).body[0].role, 'member');
  });
});

describe('DELETE /v1/organizations/{id}/invitations/{invitationId}', () => {
  test('revokes: 204, InvitationRevoked (no email); gone from both lists; the person no longer joins; a new invitation is possible', async () => {
    const id = await createOrg();
    const admin = await memberWith(id, 'admin');
    const email = fresh('revoked');
    const invitationId = await invite(id, email, 'admin');
    const res = await revoke(id, invitationId, admin.token);
    assert.equal(res.status, 204, res.text);
    const revoked = await events(id, 'invitation.revoked');
    assert.deepEqual(
      revoked.map((e) => e.data),
      [{ invitation_id: invitationId, role: 'admin', revoked_by: { type: 'user', id: admin.id } }],
    );
    assert.equal((await list(id)).body.length, 0);
    assert.equal(
      (await members(id)).some((m: { email: string }) => m.email === email),
      false,
    );
    const again = await revoke(id, invitationId);
    assert.equal(again.status, 404);
    assert.equal(again.body.code, 'INVITATIONS.NOT_FOUND');
    assert.equal((await events(id, 'invitation.revoked')).length, 1);
    assert.notEqual(await invite(id, email, 'member'), invitationId);
    await revoke(id, (await list(id)).body[0].id);
    const person = await t.user(email);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: person.token })).status, 404);
    assert.equal((await events(id, 'member.activated')).length, 0);
  });

  test('only owners revoke an owner invitation; members 403; outsiders and other organizations 404; nothing emitted', async () => {
    const id = await createOrg();
    const other = await createOrg('Other org');
    const admin = await memberWith(id, 'admin');
    const member = await memberWith(id, 'member');
    const owning = await invite(id, fresh('owning'), 'owner');
    const plain = await invite(id, fresh('plain'), 'member');
    const byAdmin = await revoke(id, owning, admin.token);
    assert.equal(byAdmin.status, 403);
    assert.equal(byAdmin.body.code, 'MEMBERS.OWNER_REQUIRED');
    const byMember = await revoke(id, plain, member.token);
    assert.equal(byMember.status, 403);
    assert.equal(byMember.body.code, 'ORGANIZATIONS.ROLE_REQUIRED');
    assert.equal((await revoke(id, plain, outsider.token)).status, 404);
    assert.equal((await revoke(other, plain)).status, 404);
    assert.equal((await revoke(id, 'not-a-uuid')).status, 400);
    assert.equal((await events(id, 'invitation.revoked')).length, 0);
    assert.equal((await list(id)).body.length, 2);
    assert.equal((await revoke(id, owning)).status, 204);
    assert.equal((await revoke(id, plain, platformAdmin.token)).status, 204);
    assert.deepEqual(
      (await events(id, 'invitation.revoked')).map((e) => e.data.revoked_by),
      [
        { type: 'user', id: owner.id },
        { type: 'user', id: platformAdmin.id },
      ],
    );
  });
});

describe('expiry', () => {
  test('an expired invitation is not listed, cannot be changed, and is never taken up', async () => {
    const id = await createOrg();
    const email = fresh('late');
    const kept = await invite(id, fresh('kept'), 'member');
    const late = await invite(id, email, 'admin');
    await expire(late);
    const invitations = await list(id);
    assert.deepEqual(
      invitations.body.map((i: { id: string }) => i.id),
      [kept],
    );
    assert.equal(invitations.headers['x-total-count'], '1');
    const listed = await call(t.app, 'GET', `/v1/organizations/${id}/members`, { token: owner.token });
    assert.deepEqual(
      listed.body.map((m: { status: string }) => m.status),
      ['active', 'pending'],
    );
    assert.equal(listed.headers['x-total-count'], '2');
    assert.equal((await patch(id, late, 'member')).status, 404);
    assert.equal((await revoke(id, late)).status, 404);

    const person = await t.user(email);
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${id}`, { token: person.token })).status, 404);
    const [row] = await t.dataSource.query('SELECT status, user_id FROM memberships WHERE invitation_id = $1', [late]);
    assert.deepEqual(row, { status: 'pending', user_id: null });
    assert.equal((await events(id, 'member.activated')).length, 0);
  });

  test('the expiry job deletes expired invitations with InvitationExpired each, once', async () => {
    const id = await createOrg();
    const other = await createOrg('Other org');
    const open = await invite(id, fresh('open'), 'member');
    const first = await invite(id, fresh('first'), 'admin');
    const second = await invite(other, fresh('second'), 'member');
    await expire(first);
    await expire(second);
    const expired = await job.runOnce();
    assert.ok(expired !== undefined && expired >= 2, `expired ${expired}`);
    const gone = await t.dataSource.query('SELECT invitation_id FROM memberships WHERE invitation_id = ANY($1::uuid[])', [
      [open, first, second],
    ]);
    assert.deepEqual(
      gone.map((r: { invitation_id: string }) => r.invitation_id),
      [open],
    );
    const [event] = await events(id, 'invitation.expired');
    assert.deepEqual(Object.keys(event.data).sort(), ['expired_at', 'invitation_id', 'role']);
    assert.deepEqual([event.data.invitation_id, event.data.role], [first, 'admin']);
    assert.ok(Date.parse(event.data.expired_at as string) < Date.now());
    assert.deepEqual(
      (await events(other, 'invitation.expired')).map((e) => e.data.invitation_id),
      [second],
    );
    assert.equal(await job.runOnce(), 0, 'only once');
    assert.equal((await events(id, 'invitation.expired')).length, 1);
  });

  test('inviting an email whose invitation expired replaces it (InvitationExpired, then a new invitation)', async () => {
    const id = await createOrg();
    const email = fresh('again');
    const old = await invite(id, email, 'member');
    assert.equal(
      (await call(t.app, 'POST', `/v1/organizations/${id}/members`, { token: owner.token, body: { email, role: 'member' } })).status,
      409,
    );
    await expire(old);
    const renewed = await invite(id, email, 'admin');
    assert.notEqual(renewed, old);
    assert.deepEqual(
      (await events(id, 'invitation.expired')).map((e) => e.data.invitation_id),
      [old],
    );
    assert.deepEqual(
      (await list(id)).body.map((i: { id: string; role: string }) => [i.id, i.role]),
      [[renewed, 'admin']],
    );
  });

  test('is skipped while another session holds the advisory lock', { skip: NEEDS_POSTGRES }, async () => {
    const id = await createOrg();
    const invitationId = await invite(id, fresh('locked'), 'member');
    await expire(invitationId);
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [INVITATION_EXPIRY_LOCK]);
      assert.equal(await job.runOnce(), undefined);
      assert.equal((await t.dataSource.query('SELECT 1 FROM memberships WHERE invitation_id = $1', [invitationId])).length, 1);
      await other.query('SELECT pg_advisory_unlock($1)', [INVITATION_EXPIRY_LOCK]);
      assert.ok(((await job.runOnce()) ?? 0) >= 1);
      assert.equal((await t.dataSource.query('SELECT 1 FROM memberships WHERE invitation_id = $1', [invitationId])).length, 0);
    } finally {
      await other.end();
    }
  });
});

describe('at most 500 open invitations', () => {
  test('the 501st is 409 INVITATIONS.LIMIT, nothing written; expired ones and people with accounts do not count', async () => {
    const id = await createOrg();
    await t.dataSource.query(
      `INSERT INTO memberships (organization_id, email, role, status, invitation_id, invited_by, expires_at)
       SELECT $1, 'bulk-' || n || '@example.com', 'member', 'pending', gen_random_uuid(), $2, now() + interval '1 day'
         FROM generate_series(1, 499) AS n`,
      [id, owner.id],
    );
    const last = await invite(id, fresh('last'), 'member');
    assert.equal((await list(id)).headers['x-total-count'], '500');
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n;
    const over = await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
      token: owner.token,
      body: { email: fresh('over'), role: 'member' },
    });
    assert.equal(over.status, 409, over.text);
    assert.equal(over.body.code, 'INVITATIONS.LIMIT');
    assert.equal((await t.dataSource.query('SELECT count(*)::int AS n FROM events'))[0].n, before);
    assert.equal((await list(id)).headers['x-total-count'], '500');

    const withAccount = fresh('account');
    await t.user(withAccount);
    const active = await call(t.app, 'POST', `/v1/organizations/${id}/members`, {
      token: owner.token,
      body: { email: withAccount, role: 'member' },
    });
    assert.equal(active.status, 201, active.text);
    assert.equal(active.body.status, 'active');

    await expire(last);
    await invite(id, fresh('after-expiry'), 'member');
    assert.equal((await list(id)).headers['x-total-count'], '500');
  });
});
