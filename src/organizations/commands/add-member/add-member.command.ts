import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { Role } from '../../domain/role.js';
import type { MemberResponseDto } from '../../dto/member.response.dto.js';

export class AddMemberCommand extends Command<MemberResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    /** The person's email: a user with it becomes a member, anyone else is invited. */
    readonly email: string,
    readonly role: Role,
  ) {
    super();
  }
}
