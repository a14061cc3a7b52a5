import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { invitationOf, type InvitationResponseDto } from '../../dto/invitation.response.dto.js';
import { lockOpenInvitation } from '../../lock-open-invitation.js';
import { lockMembers } from '../../lock-members.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { ChangeInvitationRoleCommand } from './change-invitation-role.command.js';

@CommandHandler(ChangeInvitationRoleCommand)
export class ChangeInvitationRoleHandler implements ICommandHandler<ChangeInvitationRoleCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ principal, organizationId, invitationId, role }: ChangeInvitationRoleCommand): Promise<InvitationResponseDto> {
    return this.uow.run(async (tx) => {
      const actor = await lockMembers(tx.manager, principal, organizationId, ORGANIZATION_RULES.manageMembers);
      const invitation = await lockOpenInvitation(tx.manager, organizationId, invitationId);
      if (invitation.changeInvitationRole(role, actor)) {
        await tx.manager.update(Membership, { id: invitation.id }, { role: invitation.role });
      }
      return invitationOf(invitation);
    });
  }
}
