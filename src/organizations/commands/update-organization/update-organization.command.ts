import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { OrganizationChanges } from '../../domain/organization.entity.js';
import type { OrganizationResponseDto } from '../../dto/organization.response.dto.js';

export interface UpdatedOrganization {
  organization: OrganizationResponseDto;
  etag: string;
}

export class UpdateOrganizationCommand extends Command<UpdatedOrganization> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    /** Only the fields to change; `verified`/`verified_at` need a platform admin. */
    readonly changes: OrganizationChanges,
    /** Versions If-Match accepts; undefined when the header was absent or `*`. */
    readonly acceptedVersions: number[] | undefined,
  ) {
    super();
  }
}
