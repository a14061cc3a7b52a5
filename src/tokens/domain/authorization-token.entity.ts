import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '@nestjs/cqrs';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { generateToken, hashToken } from '../../infrastructure/security/opaque-token.js';
import { ExpiryInPastError } from '../tokens.errors.js';
import { AuthorizationTokenIssuedEvent } from './events/authorization-token-issued.event.js';
import { AuthorizationTokenRevokedEvent, type TokenRevocationReason } from './events/authorization-token-revoked.event.js';

export interface TokenGrant {
  description: string | null;
  read: boolean;
  write: boolean;
  delete: boolean;
  expiresAt: Date | null;
}

/** An organization's API token (Credly's "authorization token"); only its SHA-256 hash is kept. */
@Entity('authorization_tokens')
export class AuthorizationToken extends AggregateRoot<DomainEvent> {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  /** The last four characters, so people can tell their tokens apart. */
  @Column({ name: 'token_hint', type: 'varchar', length: 4 })
  tokenHint: string;

  @Column({ type: 'varchar', nullable: true })
  description: string | null;

  @Column({ name: 'read_enabled' })
  readEnabled: boolean;

  @Column({ name: 'write_enabled' })
  writeEnabled: boolean;

  @Column({ name: 'delete_enabled' })
  deleteEnabled: boolean;

  @Column({ name: 'created_by', type: 'integer', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Returns the token and its plain secret, which exists only in this return value. */
  static issue(
    organizationId: string,
    grant: TokenGrant,
    issuedBy: number,
    now = new Date(),
  ): { token: AuthorizationToken; secret: string } {
    if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) throw new ExpiryInPastError();
    const secret = generateToken('organization');
    const token = new AuthorizationToken();
    token.id = randomUUID();
    token.organizationId = organizationId;
    token.tokenHash = hashToken(secret);
    token.tokenHint = secret.slice(-4);
    token.description = grant.description;
    token.readEnabled = grant.read;
    token.writeEnabled = grant.write;
    token.deleteEnabled = grant.delete;
    token.createdBy = issuedBy;
    token.expiresAt = grant.expiresAt;
    token.lastUsedAt = null;
    token.revokedAt = null;
    token.apply(
      new AuthorizationTokenIssuedEvent(token.id, organizationId, grant.read, grant.write, grant.delete, grant.expiresAt, issuedBy),
    );
    return { token, secret };
  }

  revoke(revokedBy: number, reason: TokenRevocationReason = 'revoked', now = new Date()): void {
    if (this.revokedAt) return;
    this.revokedAt = now;
    this.apply(new AuthorizationTokenRevokedEvent(this.id, this.organizationId, reason, revokedBy));
  }
}
