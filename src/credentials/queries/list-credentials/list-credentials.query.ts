import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/principal.js';
import type { Page } from '../../../infrastructure/http/paging.js';
import type { CredentialResponseDto } from '../../dto/credential.response.dto.js';

export class ListCredentialsQuery extends Query<Page<CredentialResponseDto>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly per: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
