import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { normalizeEmail } from '../../../auth/domain/user.entity.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { lockPendingEmail } from '../../activate-pending-memberships.js';
import { Membership } from '../../domain/membership.entity.js';
import { toMemberResponse, type MemberResponseDto } from '../../dto/member.response.dto.js';
import { lockMembers, MANAGE_MEMBERS } from '../../lock-members.js';
import { AlreadyMemberError } from '../../organizations.errors.js';
import { AddMemberCommand } from './add-member.command.js';

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ principal, organizationId, body }: AddMemberCommand): Promise<MemberResponseDto> {
    return this.uow.run(async (tx) => {
      const actor = await lockMembers(tx.manager, principal, organizationId, MANAGE_MEMBERS);
      const email = normalizeEmail(body.email);
      // Against a user with this email being created right now (see activatePendingMemberships).
      await lockPendingEmail(tx.manager, email);
      const [user]: { id: number; name: string; email: string }[] = await tx.manager.query(
        'SELECT id, name, email FROM users WHERE email = $1',
        [email],
      );
      const membership = Membership.add(organizationId, user ? { userId: user.id } : { email }, body.role, actor);
      const [existing] = await tx.manager.query(
        'SELECT 1 FROM memberships WHERE organization_id = $1 AND (user_id = $2 OR (user_id IS NULL AND email = $3))',
        [organizationId, user?.id ?? null, email],
      );
      if (existing) throw new AlreadyMemberError();
      await tx.manager.insert(Membership, tx.track(membership));
      return toMemberResponse({
        id: user?.id ?? null,
        name: user?.name ?? null,
        email: user?.email ?? email,
        role: membership.role,
        status: membership.status,
        joined_at: membership.joinedAt,
      });
    }, workContextOf(principal));
  }
}
