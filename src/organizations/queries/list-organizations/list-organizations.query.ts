import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { Page } from '../../../infrastructure/http/paging.js';
import type { OrganizationResponseDto } from '../../dto/organization.response.dto.js';

export class ListOrganizationsQuery extends Query<Page<OrganizationResponseDto>> {
  constructor(
    readonly principal: Principal,
    readonly per: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
