import { Injectable } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import type { Role } from './domain/role.js';

/** An active member's role changed, or they left or were removed (`role` null). */
export interface MembershipChange {
  organizationId: string;
  userId: number;
  /** The role they hold now; null when they are no longer a member. */
  role: Role | null;
  /** Who made the change (the member themself when they left). */
  by: number;
}

/** Work another module must do, inside the changing transaction, when a member's rights change. */
export interface MembershipChangeHook {
  afterMembershipChanged(tx: Transaction, change: MembershipChange): Promise<void>;
}

/**
 * Lets tokens, ... follow a member's rights (revoke what they may no longer hold) without the
 * organizations module knowing them: they register in onModuleInit. Runs under lockMembers' lock.
 */
@Injectable()
export class MembershipChangeHooks {
  private readonly hooks: MembershipChangeHook[] = [];

  register(hook: MembershipChangeHook): void {
    this.hooks.push(hook);
  }

  async run(tx: Transaction, change: MembershipChange): Promise<void> {
    for (const hook of this.hooks) await hook.afterMembershipChanged(tx, change);
  }
}
