import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { assertUserIdInRange, countOwners, lockMembers } from '../../lock-members.js';
import { MembershipChangeHooks } from '../../membership-change.hooks.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
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
      const actor = await lockMembers(tx.manager, principal, organizationId, ORGANIZATION_RULES.removeMember);
      assertUserIdInRange(userId);
      const membership = await tx.manager.findOneBy(Membership, { organizationId, userId, status: 'active' });
      if (!membership) throw new MemberNotFoundError();
      tx.track(membership).remove(actor, await countOwners(tx.manager, organizationId));
      await tx.manager.delete(Membership, { id: membership.id });
      await this.hooks.run(tx, { organizationId, userId, role: null, by: actor.userId });
    }, workContextOf(principal));
  }
}
