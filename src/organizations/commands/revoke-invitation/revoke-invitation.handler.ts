import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { lockOpenInvitation } from '../../lock-open-invitation.js';
import { lockMembers } from '../../lock-members.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { RevokeInvitationCommand } from './revoke-invitation.command.js';

@CommandHandler(RevokeInvitationCommand)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitationCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ principal, organizationId, invitationId }: RevokeInvitationCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const actor = await lockMembers(tx.manager, principal, organizationId, ORGANIZATION_RULES.manageMembers);
      const invitation = await lockOpenInvitation(tx.manager, organizationId, invitationId);
      tx.track(invitation).revoke(actor);
      await tx.manager.delete(Membership, { id: invitation.id });
    });
  }
}
