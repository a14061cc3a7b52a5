import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { CredentialResponseDto } from '../../dto/credential.response.dto.js';

export class LinkCredentialCommand extends Command<CredentialResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly code: string,
    readonly state: string,
  ) {
    super();
  }
}
