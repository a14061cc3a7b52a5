import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Membership, type MemberActor } from '../../src/organizations/domain/membership.entity.js';
import { LastOwnerError, OwnerRequiredError, RoleRequiredError } from '../../src/organizations/organizations.errors.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const owner: MemberActor = { userId: 1, role: 'owner' };
const admin: MemberActor = { userId: 2, role: 'admin' };
const member: MemberActor = { userId: 3, role: 'member' };

function existing(userId: number, role: MemberActor['role']): Membership {
  const membership = Membership.active(ORG, userId, role);
  membership.id = 100 + userId;
  membership.uncommit();
  return membership;
}

const IN_A_WEEK = new Date(Date.now() + 7 * 24 * 3600_000);

function invitation(role: MemberActor['role']): Membership {
  const pending = Membership.add(ORG, { email: 'x@example.com', expiresAt: IN_A_WEEK }, role, owner);
  pending.uncommit();
  return pending;
}

test('add: active for a known user, pending for an email (an invitation with its own id); MemberAdded without the email', () => {
  const active = Membership.add(ORG, { userId: 9 }, 'admin', owner);
  assert.equal(active.status, 'active');
  assert.ok(active.joinedAt);
  assert.deepEqual([active.invitationId, active.expiresAt], [null, null]);
  assert.equal(active.getUncommittedEvents()[0].toData().invitation_id, null);
  const pending = Membership.add(ORG, { email: 'x@example.com', expiresAt: IN_A_WEEK }, 'member', admin);
  assert.deepEqual([pending.status, pending.userId, pending.email, pending.joinedAt], ['pending', null, 'x@example.com', null]);
  assert.match(pending.invitationId!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([pending.invitedBy, pending.expiresAt], [2, IN_A_WEEK]);
  const [event] = pending.getUncommittedEvents();
  assert.equal(event.eventName, 'MemberAdded');
  pending.id = 41; // given by the insert, before the event is written
  assert.equal(event.type, 'tech.entropy.member.added');
  assert.equal(event.organizationId, ORG);
  assert.equal(event.subject, `invitations/${pending.invitationId}`);
  assert.deepEqual(event.toData(), {
    membership_id: 41,
    invitation_id: pending.invitationId,
    user_id: null,
    role: 'member',
    status: 'pending',
    added_by: { type: 'user', id: 2 },
  });
  assert.equal(JSON.stringify(event.toData()).includes('example.com'), false);
  active.id = 40;
  assert.equal(active.getUncommittedEvents()[0].subject, 'members/9');
});

test('changeInvitationRole: managers re-role, only owners touch or make an owner invitation; no event', () => {
  assert.throws(() => invitation('owner').changeInvitationRole('admin', admin), OwnerRequiredError);
  assert.throws(() => invitation('member').changeInvitationRole('owner', admin), OwnerRequiredError);
  assert.throws(() => invitation('member').changeInvitationRole('admin', member), RoleRequiredError);
  const byAdmin = invitation('member');
  assert.equal(byAdmin.changeInvitationRole('admin', admin), true);
  assert.equal(byAdmin.role, 'admin');
  assert.equal(byAdmin.changeInvitationRole('admin', admin), false);
  const byOwner = invitation('owner');
  assert.equal(byOwner.changeInvitationRole('member', owner), true);
  assert.equal(byOwner.getUncommittedEvents().length, 0);
});

test('revoke: managers revoke, only owners revoke an owner invitation; InvitationRevoked without the email', () => {
  assert.throws(() => invitation('owner').revoke(admin), OwnerRequiredError);
  assert.throws(() => invitation('member').revoke(member), RoleRequiredError);
  const revoked = invitation('admin');
  revoked.revoke(admin);
  const [event] = revoked.getUncommittedEvents();
  assert.equal(event.eventName, 'InvitationRevoked');
  assert.equal(event.type, 'tech.entropy.invitation.revoked');
  assert.deepEqual(event.toData(), { invitation_id: revoked.invitationId, role: 'admin', revoked_by: { type: 'user', id: 2 } });
  invitation('owner').revoke(owner);
  assert.throws(() => existing(5, 'member').revoke(owner), /Not an invitation/);
});

test('add: only owners add owners, members add nobody', () => {
  assert.throws(() => Membership.add(ORG, { userId: 9 }, 'owner', admin), OwnerRequiredError);
  assert.throws(() => Membership.add(ORG, { userId: 9 }, 'member', member), RoleRequiredError);
  assert.equal(Membership.add(ORG, { userId: 9 }, 'owner', owner).role, 'owner');
});

test('changeRole: admins never touch owners nor make them; the last owner stays; same role is no change', () => {
  assert.throws(() => existing(5, 'owner').changeRole('admin', admin, 2), OwnerRequiredError);
  assert.throws(() => existing(5, 'member').changeRole('owner', admin, 1), OwnerRequiredError);
  assert.throws(() => existing(5, 'admin').changeRole('member', member, 1), RoleRequiredError);
  assert.throws(() => existing(1, 'owner').changeRole('admin', owner, 1), LastOwnerError);
  const unchanged = existing(5, 'admin');
  assert.equal(unchanged.changeRole('admin', owner, 1), false);
  assert.equal(unchanged.getUncommittedEvents().length, 0);
  const demoted = existing(5, 'owner');
  assert.equal(demoted.changeRole('member', owner, 2), true);
  assert.deepEqual(demoted.getUncommittedEvents()[0].toData(), {
    membership_id: demoted.id,
    user_id: 5,
    previous_role: 'owner',
    role: 'member',
    changed_by: { type: 'user', id: 1 },
  });
});

test('remove: anyone may leave, but not the last owner; only managers remove others, only owners remove owners', () => {
  const leaving = existing(3, 'member');
  leaving.remove(member, 1);
  assert.deepEqual(leaving.getUncommittedEvents()[0].toData(), {
    membership_id: leaving.id,
    user_id: 3,
    role: 'member',
    left: true,
    removed_by: { type: 'user', id: 3 },
  });
  assert.throws(() => existing(1, 'owner').remove(owner, 1), LastOwnerError);
  assert.throws(() => existing(4, 'member').remove(member, 1), RoleRequiredError);
  assert.throws(() => existing(5, 'owner').remove(admin, 2), OwnerRequiredError);
  existing(5, 'owner').remove(owner, 2);
});
