import { Injectable } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import type { OrganizationDeletionHook } from '../organizations/organization-deletion.hooks.js';
import { CredentialUnlinker } from './credential-unlinker.js';
import { Credential } from './domain/credential.entity.js';

/**
 * An organization's deletion unlinks its credentials in the deleting transaction (tokens erased,
 * revocations queued, CredentialUnlinked each). The queued revocations are attempted by the next
 * lifecycle run: nothing here can wait for the commit.
 */
@Injectable()
export class CredentialsDeletionHook implements OrganizationDeletionHook {
  constructor(private readonly unlinker: CredentialUnlinker) {}

  async beforeOrganizationDeleted(tx: Transaction, organizationId: string): Promise<void> {
    const credentials = await tx.manager.find(Credential, {
      where: { organization_id: organizationId },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const credential of credentials) await this.unlinker.unlinkWithin(tx, credential, 'organization_deleted');
  }
}
