import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { MEMBER_COLUMNS, toMemberResponse, type MemberResponseDto, type MemberRow } from '../../dto/member.response.dto.js';
import { assertUserIdInRange, countOwners, lockMembers } from '../../lock-members.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { MembershipChangeHooks } from '../../membership-change.hooks.js';
import { MemberNotFoundError } from '../../organizations.errors.js';
import { ChangeMemberRoleCommand } from './change-member-role.command.js';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hooks: MembershipChangeHooks,
  ) {}

  execute({ principal, organizationId, userId, role }: ChangeMemberRoleCommand): Promise<MemberResponseDto> {
    return this.uow.run(async (tx) => {
      const actor = await lockMembers(tx.manager, principal, organizationId, ORGANIZATION_RULES.manageMembers);
      assertUserIdInRange(userId);
      const membership = await tx.manager.findOneBy(Membership, { organizationId, userId, status: 'active' });
      if (!membership) throw new MemberNotFoundError();
      if (tx.track(membership).changeRole(role, actor, await countOwners(tx.manager, organizationId))) {
        await tx.manager.update(Membership, { id: membership.id }, { role: membership.role });
        await this.hooks.run(tx, { organizationId, userId, role: membership.role, by: actor.userId });
      }
      const [row]: MemberRow[] = await tx.manager.query(
        `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = $1`,
        [membership.id],
      );
      return toMemberResponse(row);
    }, workContextOf(principal));
  }
}
