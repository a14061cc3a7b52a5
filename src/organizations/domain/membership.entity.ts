import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './role.js';

@Entity('memberships')
export class Membership {
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

  static active(organizationId: string, userId: number, role: Role, now = new Date()): Membership {
    const membership = new Membership();
    membership.organizationId = organizationId;
    membership.userId = userId;
    membership.email = null;
    membership.role = role;
    membership.status = 'active';
    membership.joinedAt = now;
    return membership;
  }
}
