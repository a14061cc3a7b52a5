import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { CredentialResponseDto } from '../../dto/credential.response.dto.js';

export class GetCredentialQuery extends Query<CredentialResponseDto> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly credentialId: number,
  ) {
    super();
  }
}
