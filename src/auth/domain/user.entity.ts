import { AggregateRoot } from '@nestjs/cqrs';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { UserSignedUpEvent } from './events/user-signed-up.event.js';

@Entity('users')
export class User extends AggregateRoot<DomainEvent> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column()
  name: string;

  @Column({ name: 'facebook_user_id', type: 'varchar', nullable: true })
  facebookUserId: string | null;

  @Column({ name: 'is_admin', default: false })
  isAdmin: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  static create(props: { email: string | null; name: string; isAdmin?: boolean; facebookUserId?: string }): User {
    const user = new User();
    user.email = props.email ? normalizeEmail(props.email) : null;
    user.name = props.name.trim();
    user.isAdmin = props.isAdmin ?? false;
    user.facebookUserId = props.facebookUserId ?? null;
    return user;
  }

  /** Call once the user has its id (after insert). */
  signedUp(via: 'cli' | 'facebook' | 'bootstrap'): void {
    this.apply(new UserSignedUpEvent(this.id, via));
  }

  /** Links the Facebook account (if not yet) and takes the profile Facebook reports now. */
  signedInWithFacebook(facebookUserId: string, name: string, email: string | null): void {
    this.facebookUserId = facebookUserId;
    this.name = name.trim();
    this.email = email ? normalizeEmail(email) : null;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
