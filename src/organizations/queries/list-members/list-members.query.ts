import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../auth/principal.js';
import type { Page } from '../../../infrastructure/http/paging.js';
import type { MemberResponseDto } from '../../dto/member.response.dto.js';

export class ListMembersQuery extends Query<Page<MemberResponseDto>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly per: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
