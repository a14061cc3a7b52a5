import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { ORGANIZATION_COLUMNS, etagOf, toOrganizationResponse, type OrganizationRow } from '../../dto/organization.response.dto.js';
import { allow } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { OrganizationNotFoundError } from '../../organizations.errors.js';
import { GetOrganizationQuery } from './get-organization.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery> {
  constructor(
    private readonly db: PreparedReads,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  /** One round trip: the organization and the caller's membership together. */
  async execute({ principal, organizationId }: GetOrganizationQuery) {
    const userId = principal.kind === 'user' ? principal.userId : null;
    const rows: OrganizationRow[] = await this.db.query(
      `SELECT ${ORGANIZATION_COLUMNS}, m.role
         FROM organizations o
         LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $2 AND m.status = 'active'
        WHERE o.id = $1`,
      [organizationId, userId],
    );
    const row = rows[0];
    allow(principal, organizationId, ORGANIZATION_RULES.read, row);
    // A token's organization deleted since the token was resolved.
    if (!row) throw new OrganizationNotFoundError();
    return {
      organization: toOrganizationResponse(row, this.settings.publicUrl, row.role ?? null),
      etag: etagOf(row.version),
    };
  }
}
