import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { AuthorizationResponseDto } from '../../dto/credential.response.dto.js';

export class StartAuthorizationCommand extends Command<AuthorizationResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly credentialId: number | null,
  ) {
    super();
  }
}
