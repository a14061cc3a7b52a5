import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '@nestjs/cqrs';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { LastOwnerError, OwnerRequiredError, RoleRequiredError } from '../organizations.errors.js';
import { InvitationRevokedEvent } from './events/invitation-revoked.event.js';
import { MemberAddedEvent } from './events/member-added.event.js';
import { MemberRemovedEvent } from './events/member-removed.event.js';
import { MemberRoleChangedEvent } from './events/member-role-changed.event.js';
import type { Role } from './role.js';

/** Who changes a membership: the role they act with (platform admins act as owners) and their user id. */
export interface MemberActor {
  userId: number;
  role: Role;
}

const MANAGERS: readonly Role[] = ['owner', 'admin'];

@Entity('memberships')
export class Membership extends AggregateRoot<DomainEvent> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ type: 'varchar' })
  role: Role;

  @Column({ type: 'varchar' })
  status: 'active' | 'pending';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  /** Set exactly while pending: a pending membership is an invitation. */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @Column({ name: 'invited_by', type: 'integer', nullable: true })
  invitedBy: number | null;

  /** When the invitation lapses; null once active. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  static active(organizationId: string, userId: number, role: Role, now = new Date()): Membership {
    const membership = new Membership();
    membership.organizationId = organizationId;
    membership.userId = userId;
    membership.email = null;
    membership.role = role;
    membership.status = 'active';
    membership.joinedAt = now;
    membership.invitationId = null;
    membership.invitedBy = null;
    membership.expiresAt = null;
    return membership;
  }

  /**
   * Adds someone by email: active at once when they have an account, otherwise pending until that
   * email first signs in, or until `expiresAt`. Only owners may add owners.
   */
  static add(
    organizationId: string,
    invitee: { userId: number } | { email: string; expiresAt: Date },
    role: Role,
    by: MemberActor,
  ): Membership {
    assertManager(by);
    if (role === 'owner' && by.role !== 'owner') throw new OwnerRequiredError();
    let membership: Membership;
    if ('userId' in invitee) {
      membership = Membership.active(organizationId, invitee.userId, role);
    } else {
      membership = new Membership();
      membership.organizationId = organizationId;
      membership.userId = null;
      membership.email = invitee.email;
      membership.role = role;
      membership.status = 'pending';
      membership.joinedAt = null;
      membership.invitationId = randomUUID();
      membership.invitedBy = by.userId;
      membership.expiresAt = invitee.expiresAt;
    }
    membership.apply(new MemberAddedEvent(organizationId, membership, membership.userId, role, membership.status, by.userId));
    return membership;
  }

  /**
   * Re-roles a pending invitation: owners and admins, and only owners touch an owner invitation or
   * make one. No last-owner rule: a pending owner is not an owner yet. False when unchanged.
   */
  changeInvitationRole(to: Role, by: MemberActor): boolean {
    this.assertInvitation();
    assertManager(by);
    if ((this.role === 'owner' || to === 'owner') && by.role !== 'owner') throw new OwnerRequiredError();
    if (to === this.role) return false;
    this.role = to;
    return true;
  }

  /** Withdraws a pending invitation; only owners revoke an owner invitation. */
  revoke(by: MemberActor): void {
    this.assertInvitation();
    assertManager(by);
    if (this.role === 'owner' && by.role !== 'owner') throw new OwnerRequiredError();
    this.apply(new InvitationRevokedEvent(this.organizationId, this.invitationId!, this.role, by.userId));
  }

  private assertInvitation(): void {
    if (this.status !== 'pending' || !this.invitationId) throw new Error('Not an invitation: only a pending membership is one');
  }

  /**
   * Admins cannot change owners, only owners make owners, and the organization keeps at least one
   * owner (`owners` = active owners counted under the organization's lock). False when unchanged.
   */
  changeRole(to: Role, by: MemberActor, owners: number): boolean {
    assertManager(by);
    if ((this.role === 'owner' || to === 'owner') && by.role !== 'owner') throw new OwnerRequiredError();
    if (to === this.role) return false;
    if (this.role === 'owner' && owners <= 1) throw new LastOwnerError();
    const from = this.role;
    this.role = to;
    this.apply(new MemberRoleChangedEvent(this.organizationId, this, this.userId!, from, to, by.userId));
    return true;
  }

  /** Anyone may leave; removing someone else needs owner or admin, and only owners remove owners. */
  remove(by: MemberActor, owners: number): void {
    const leaving = by.userId === this.userId;
    if (!leaving) {
      assertManager(by);
      if (this.role === 'owner' && by.role !== 'owner') throw new OwnerRequiredError();
    }
    if (this.role === 'owner' && owners <= 1) throw new LastOwnerError();
    this.apply(new MemberRemovedEvent(this.organizationId, this, this.userId!, this.role, by.userId, leaving));
  }
}

function assertManager(by: MemberActor): void {
  if (!MANAGERS.includes(by.role)) throw new RoleRequiredError(MANAGERS);
}
