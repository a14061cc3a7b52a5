import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { TokenGrant } from '../../domain/authorization-token.entity.js';
import type { IssuedAuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';

export class IssueTokenCommand extends Command<IssuedAuthorizationTokenResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly grant: TokenGrant,
  ) {
    super();
  }
}
