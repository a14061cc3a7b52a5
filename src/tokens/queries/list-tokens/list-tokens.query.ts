import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/principal.js';
import type { Page } from '../../../infrastructure/http/paging.js';
import type { AuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';

export class ListTokensQuery extends Query<Page<AuthorizationTokenResponseDto>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly per: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
