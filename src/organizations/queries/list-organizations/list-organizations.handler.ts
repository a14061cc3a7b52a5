import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { decodeCreatedAtIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import {
  ORGANIZATION_COLUMNS,
  toOrganizationResponse,
  type OrganizationResponseDto,
  type OrganizationRow,
} from '../../dto/organization.response.dto.js';
import { allowToken } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { ListOrganizationsQuery } from './list-organizations.query.js';

type KeyedRow = OrganizationRow & { k_ts: string };

/**
 * Keyset paging on (created_at, id). The timestamp travels in the cursor as Postgres text so
 * its microseconds survive (a JS Date would round them and skip or repeat rows).
 */
@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ principal, per, cursor }: ListOrganizationsQuery): Promise<Page<OrganizationResponseDto>> {
    if (principal.kind === 'token') allowToken(principal, ORGANIZATION_RULES.read);
    const after = decodeCreatedAtIdCursor(cursor);
    const scope = this.scope(principal);
    const keyset = after ? `AND (o.created_at, o.id) > ($${scope.params.length + 1}::timestamptz, $${scope.params.length + 2}::uuid)` : '';
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ORGANIZATION_COLUMNS}, ${scope.role} AS role, o.created_at::text AS k_ts ${scope.from}
          WHERE ${scope.where} ${keyset}
          ORDER BY o.created_at, o.id
          LIMIT ${per + 1}`,
        after ? [...scope.params, ...after] : scope.params,
      ) as Promise<KeyedRow[]>,
      this.dataSource.query(scope.count, scope.countParams) as Promise<{ count: number }[]>,
    ]);
    return toPage(
      rows,
      per,
      count,
      (row) => [row.k_ts, row.id],
      ({ k_ts: _k, ...row }) => toOrganizationResponse(row, this.settings.publicUrl, row.role ?? null),
    );
  }

  /**
   * Which organizations, as SQL. A member's list is driven from their memberships (an index range,
   * then a primary-key lookup each, forced by a LATERAL fence), so its cost follows their own organizations
   * whatever the planner's statistics say, not the table's size.
   */
  private scope(principal: Principal) {
    if (principal.kind === 'token') {
      const params = [principal.organizationId];
      return {
        from: 'FROM organizations o',
        where: 'o.id = $1',
        role: 'NULL',
        params,
        count: 'SELECT count(*)::int AS count FROM organizations WHERE id = $1',
        countParams: params,
      };
    }
    if (principal.isAdmin) {
      return {
        from: `FROM organizations o LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $1 AND m.status = 'active'`,
        where: 'TRUE',
        role: 'm.role',
        params: [principal.userId],
        count: 'SELECT count(*)::int AS count FROM organizations',
        countParams: [],
      };
    }
    const params = [principal.userId];
    return {
      // OFFSET 0 keeps the planner from flattening the LATERAL into a join it may order the other way.
      from: 'FROM memberships m CROSS JOIN LATERAL (SELECT * FROM organizations WHERE id = m.organization_id OFFSET 0) o',
      where: `m.user_id = $1 AND m.status = 'active'`,
      role: 'm.role',
      params,
      count: `SELECT count(*)::int AS count FROM memberships WHERE user_id = $1 AND status = 'active'`,
      countParams: params,
    };
  }
}
