import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { OrganizationResponseDto } from '../../dto/organization.response.dto.js';
import type { UpdateOrganizationRequestDto } from './update-organization.request.dto.js';

export interface UpdatedOrganization {
  organization: OrganizationResponseDto;
  etag: string;
}

export class UpdateOrganizationCommand extends Command<UpdatedOrganization> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly body: UpdateOrganizationRequestDto,
    /** Versions If-Match accepts; undefined when the header was absent or `*`. */
    readonly acceptedVersions: number[] | undefined,
  ) {
    super();
  }
}
