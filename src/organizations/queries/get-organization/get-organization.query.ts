import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { OrganizationResponseDto } from '../../dto/organization.response.dto.js';

export class GetOrganizationQuery extends Query<{ organization: OrganizationResponseDto; etag: string }> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
  ) {
    super();
  }
}
