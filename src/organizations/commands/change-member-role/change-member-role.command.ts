import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { Role } from '../../domain/role.js';
import type { MemberResponseDto } from '../../dto/member.response.dto.js';

export class ChangeMemberRoleCommand extends Command<MemberResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly userId: number,
    readonly role: Role,
  ) {
    super();
  }
}
