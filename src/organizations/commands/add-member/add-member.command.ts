import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { MemberResponseDto } from '../../dto/member.response.dto.js';
import type { AddMemberRequestDto } from './add-member.request.dto.js';

export class AddMemberCommand extends Command<MemberResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly body: AddMemberRequestDto,
  ) {
    super();
  }
}
