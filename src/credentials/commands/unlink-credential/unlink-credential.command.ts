import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { CredentialResponseDto } from '../../dto/credential.response.dto.js';

export class UnlinkCredentialCommand extends Command<CredentialResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly credentialId: number,
  ) {
    super();
  }
}
