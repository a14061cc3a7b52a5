import { AggregateRoot } from '@nestjs/cqrs';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { CredentialAccountMismatchError } from '../credentials.errors.js';
import { CredentialExpiredEvent, type ExpiryReason } from './events/credential-expired.event.js';
import { CredentialLinkedEvent } from './events/credential-linked.event.js';
import { CredentialRelinkedEvent } from './events/credential-relinked.event.js';
import { CredentialRevokedEvent, type RevokeReason } from './events/credential-revoked.event.js';
import { CredentialUnlinkedEvent, type UnlinkReason } from './events/credential-unlinked.event.js';

export type CredentialStatus = 'active' | 'expired' | 'revoked';

/** What Facebook told us about the account behind a fresh token. */
export interface AccountSnapshot {
  facebookUserId: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}

/** The additional authenticated data sealing a credential's token to its row. */
export const credentialIdentity = (id: number) => `credential:${id}`;

/**
 * A Facebook account linked to an organization. The token is only ever held sealed (SecretBox);
 * it is erased as soon as it is of no more use (unlinked, revoked, expired).
 */
@Entity('credentials')
export class Credential extends AggregateRoot<DomainEvent> {
  // Ids come from the serial's sequence before the insert: the sealed token is bound to its id.
  @PrimaryColumn('integer') id: number;
  @Column('uuid') organization_id: string;
  @Column('varchar') facebook_user_id: string;
  @Column('varchar') name: string;
  @Column('varchar') status: CredentialStatus;
  @Column('text', { array: true }) scopes: string[];
  @Column({ type: 'text', nullable: true }) encrypted_token: string | null;
  @Column({ type: 'timestamptz', nullable: true }) expires_at: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) checked_at: Date | null;
  @Column('varchar') created_by: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) created_at: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updated_at: Date;

  static link(
    id: number,
    organizationId: string,
    account: AccountSnapshot,
    encryptedToken: string,
    createdBy: string,
    now = new Date(),
  ): Credential {
    const credential = new Credential();
    credential.id = id;
    credential.organization_id = organizationId;
    credential.facebook_user_id = account.facebookUserId;
    credential.name = account.name;
    credential.status = 'active';
    credential.scopes = [...account.scopes];
    credential.encrypted_token = encryptedToken;
    credential.expires_at = account.expiresAt;
    credential.checked_at = now;
    credential.created_by = createdBy;
    credential.created_at = now;
    credential.updated_at = now;
    credential.apply(
      new CredentialLinkedEvent(
        String(id),
        organizationId,
        account.name,
        account.facebookUserId,
        credential.scopes,
        account.expiresAt,
        createdBy,
      ),
    );
    return credential;
  }

  /** A fresh token for the same Facebook account; whatever the status was, the credential is active again. */
  relink(account: AccountSnapshot, encryptedToken: string, now = new Date()): void {
    if (account.facebookUserId !== this.facebook_user_id) throw new CredentialAccountMismatchError();
    const previousStatus = this.status;
    this.name = account.name;
    this.status = 'active';
    this.scopes = [...account.scopes];
    this.encrypted_token = encryptedToken;
    this.expires_at = account.expiresAt;
    this.checked_at = now;
    this.updated_at = now;
    this.apply(
      new CredentialRelinkedEvent(
        String(this.id),
        this.organization_id,
        this.name,
        this.facebook_user_id,
        this.scopes,
        this.expires_at,
        previousStatus,
      ),
    );
  }

  /** Erases the token; the caller deletes the row. */
  unlink(reason: UnlinkReason, revokeQueued: boolean): void {
    this.encrypted_token = null;
    this.apply(new CredentialUnlinkedEvent(String(this.id), this.organization_id, this.facebook_user_id, reason, revokeQueued));
  }

  /**
   * The person withdrew the app at Facebook, or asked for their data to be deleted (the event then
   * does not name the account). Returns whether the status changed (an event was applied).
   */
  revoke(reason: RevokeReason, now = new Date()): boolean {
    this.encrypted_token = null;
    if (this.status === 'revoked') return false;
    this.status = 'revoked';
    this.updated_at = now;
    const facebookUserId = reason === 'data_deletion' ? null : this.facebook_user_id;
    this.apply(new CredentialRevokedEvent(String(this.id), this.organization_id, facebookUserId, reason));
    return true;
  }

  /** The token expired or Facebook invalidated it; only an active credential expires. */
  expire(reason: ExpiryReason, now = new Date()): boolean {
    if (this.status !== 'active') return false;
    this.status = 'expired';
    this.encrypted_token = null;
    this.updated_at = now;
    this.apply(new CredentialExpiredEvent(String(this.id), this.organization_id, this.facebook_user_id, reason));
    return true;
  }
}
