import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { assertUserIdInRange, countOwners, lockMembers } from '../../lock-members.js';
import { MembershipChangeHooks } from '../../membership-change.hooks.js';
import { MemberNotFoundError } from '../../organizations.errors.js';
import { RemoveMemberCommand } from './remove-member.command.js';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hooks: MembershipChangeHooks,
  ) {}

  async execute({ principal, organizationId, userId }: RemoveMemberCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      // Any member may leave; Membership.remove decides who may remove someone else.
      const actor = await lockMembers(tx.manager, principal, organizationId, { roles: ['owner', 'admin', 'member'], token: false });
      assertUserIdInRange(userId);
      const membership = await tx.manager.findOneBy(Membership, { organizationId, userId, status: 'active' });
      if (!membership) throw new MemberNotFoundError();
      tx.track(membership).remove(actor, await countOwners(tx.manager, organizationId));
      await tx.manager.delete(Membership, { id: membership.id });
      await this.hooks.run(tx, { organizationId, userId, role: null, by: actor.userId });
    }, workContextOf(principal));
  }
}
