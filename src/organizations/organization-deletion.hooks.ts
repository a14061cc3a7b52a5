import { Injectable } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';

/** Work another module must do, inside the deleting transaction, when an organization goes. */
export interface OrganizationDeletionHook {
  beforeOrganizationDeleted(tx: Transaction, organizationId: string): Promise<void>;
}

/**
 * Lets tokens, credentials, ... take part in an organization's deletion (revoke, unlink, emit
 * their events) without the organizations module knowing them: they register in onModuleInit.
 */
@Injectable()
export class OrganizationDeletionHooks {
  private readonly hooks: OrganizationDeletionHook[] = [];

  register(hook: OrganizationDeletionHook): void {
    this.hooks.push(hook);
  }

  async run(tx: Transaction, organizationId: string): Promise<void> {
    for (const hook of this.hooks) await hook.beforeOrganizationDeleted(tx, organizationId);
  }
}
