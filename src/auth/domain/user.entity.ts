import { AggregateRoot } from '@nestjs/cqrs';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { normalizeEmail } from '../../common/email.js';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { AccountHasOtherFacebookError } from '../auth.errors.js';
import { UserFacebookLinkedEvent } from './events/user-facebook-linked.event.js';
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

  /**
   * Attaches a Facebook identity on an explicit request (the signed-in owner or an operator),
   * never because an email matches. Attaching the identity the account already has changes nothing.
   */
  linkFacebook(facebookUserId: string, via: 'sign_in' | 'cli'): void {
    if (this.facebookUserId === facebookUserId) return;
    if (this.facebookUserId !== null) throw new AccountHasOtherFacebookError();
    this.facebookUserId = facebookUserId;
    this.apply(new UserFacebookLinkedEvent(this.id, via));
  }

  /** Takes the profile Facebook reports now for this user's own identity. */
  signedInWithFacebook(name: string, email: string | null): void {
    this.name = name.trim();
    this.email = email ? normalizeEmail(email) : null;
  }
}
