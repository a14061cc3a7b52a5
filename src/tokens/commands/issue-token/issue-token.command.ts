import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { IssuedAuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';
import type { IssueTokenRequestDto } from './issue-token.request.dto.js';

export class IssueTokenCommand extends Command<IssuedAuthorizationTokenResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly body: IssueTokenRequestDto,
  ) {
    super();
  }
}
