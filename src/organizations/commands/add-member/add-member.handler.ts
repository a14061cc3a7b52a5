import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeEmail } from '../../../common/email.js';
import { workContextOf } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { lockPendingEmail } from '../../activate-pending-memberships.js';
import { Membership } from '../../domain/membership.entity.js';
import { toMemberResponse, type MemberResponseDto } from '../../dto/member.response.dto.js';
import { dropExpiredInvitations, MAX_OPEN_INVITATIONS } from '../../invitation-expiry.js';
import { lockMembers } from '../../lock-members.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { AlreadyMemberError, InvitationLimitError } from '../../organizations.errors.js';
import { AddMemberCommand } from './add-member.command.js';

const DAY_MS = 24 * 60 * 60_000;

@CommandHandler(AddMemberCommand)
export class AddMemberHandler implements ICommandHandler<AddMemberCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, email: address, role }: AddMemberCommand): Promise<MemberResponseDto> {
    return this.uow.run(async (tx) => {
      const actor = await lockMembers(tx.manager, principal, organizationId, ORGANIZATION_RULES.manageMembers);
      const email = normalizeEmail(address);
      // Against a user with this email being created right now (see PendingMemberships).
      await lockPendingEmail(tx.manager, email);
      const [user]: { id: number; name: string; email: string }[] = await tx.manager.query(
        'SELECT id, name, email FROM users WHERE email = $1',
        [email],
      );
      const invitee = user ? { userId: user.id } : { email, expiresAt: new Date(Date.now() + this.settings.invitationTtlDays * DAY_MS) };
      const membership = Membership.add(organizationId, invitee, role, actor);
      const [existing]: { id: number; expired: boolean }[] = await tx.manager.query(
        `SELECT id, (status = 'pending' AND expires_at <= now()) AS expired FROM memberships
          WHERE organization_id = $1 AND (user_id = $2 OR (user_id IS NULL AND email = $3))`,
        [organizationId, user?.id ?? null, email],
      );
      // An expired invitation is no invitation: it goes (InvitationExpired) and a new one takes its place.
      if (existing?.expired) await dropExpiredInvitations(tx, { membershipIds: [existing.id] });
      else if (existing) throw new AlreadyMemberError();
      if (!user) {
        // Counted under lockMembers' lock on the organization, so concurrent invitations cannot pass it together.
        const [{ open }]: { open: number }[] = await tx.manager.query(
          `SELECT count(*)::int AS open FROM memberships WHERE organization_id = $1 AND status = 'pending' AND expires_at > now()`,
          [organizationId],
        );
        if (open >= MAX_OPEN_INVITATIONS) throw new InvitationLimitError(MAX_OPEN_INVITATIONS);
      }
      await tx.manager.insert(Membership, tx.track(membership));
      return toMemberResponse({
        id: user?.id ?? null,
        name: user?.name ?? null,
        email: user?.email ?? email,
        role: membership.role,
        status: membership.status,
        joined_at: membership.joinedAt,
        invitation_id: membership.invitationId,
      });
    }, workContextOf(principal));
  }
}
