import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { Role } from '../../domain/role.js';
import type { InvitationResponseDto } from '../../dto/invitation.response.dto.js';

export class ChangeInvitationRoleCommand extends Command<InvitationResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly invitationId: string,
    readonly role: Role,
  ) {
    super();
  }
}
