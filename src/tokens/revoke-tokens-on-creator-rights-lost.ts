import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { MembershipChangeHooks, type MembershipChange, type MembershipChangeHook } from '../organizations/membership-change.hooks.js';
import { AuthorizationToken } from './domain/authorization-token.entity.js';
import { TOKEN_RULES } from './tokens.access.js';

/**
 * A token never outranks the person who issued it: when its creator leaves, is removed, or is
 * demoted to a role that may not issue tokens, their tokens in that organization are revoked in
 * the same transaction, each with its event. Owner -> admin keeps them (admins issue tokens too).
 */
@Injectable()
export class RevokeTokensOnCreatorRightsLost implements MembershipChangeHook, OnModuleInit {
  constructor(private readonly hooks: MembershipChangeHooks) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async afterMembershipChanged(tx: Transaction, { organizationId, userId, role, by }: MembershipChange): Promise<void> {
    if (role !== null && (TOKEN_RULES.manage.roles as readonly string[]).includes(role)) return;
    const tokens = await tx.manager.find(AuthorizationToken, {
      where: { organizationId, createdBy: userId, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (tokens.length === 0) return;
    const now = new Date();
    for (const token of tokens) tx.track(token).revoke(by, role === null ? 'creator_removed' : 'creator_demoted', now);
    await tx.manager.update(AuthorizationToken, { id: In(tokens.map((token) => token.id)) }, { revokedAt: now });
  }
}
