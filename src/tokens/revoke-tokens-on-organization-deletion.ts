import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { OrganizationDeletionHooks, type OrganizationDeletionHook } from '../organizations/organization-deletion.hooks.js';
import { AuthorizationTokenRevokedEvent } from './domain/events/authorization-token-revoked.event.js';

/**
 * An organization's tokens die with it: revoked, each with its event, in the deleting transaction
 * (the rows then go with the organization through ON DELETE CASCADE).
 */
@Injectable()
export class RevokeTokensOnOrganizationDeletion implements OrganizationDeletionHook, OnModuleInit {
  constructor(private readonly hooks: OrganizationDeletionHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async beforeOrganizationDeleted(tx: Transaction, organizationId: string): Promise<void> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [revoked]: [{ id: string }[], number] = await tx.manager.query(
      'UPDATE authorization_tokens SET revoked_at = now() WHERE organization_id = $1 AND revoked_at IS NULL RETURNING id',
      [organizationId],
    );
    for (const { id } of revoked) tx.record(new AuthorizationTokenRevokedEvent(id, organizationId, 'organization_deleted', null));
  }
}
