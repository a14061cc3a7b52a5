import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { countedSize, runList, type ListSql } from '../../../infrastructure/database/list-counts.js';
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
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

type KeyedRow = OrganizationRow & { k_ts: string };

/**
 * Which organizations, one page (`per + 1` rows after the cursor) and the total, as SQL with
 * parameters; the EXPLAIN test plans these. A member's list is driven from their memberships in
 * the list's own order (the index on (user_id, organization_created_at, organization_id)), then a
 * primary-key lookup each, forced by a LATERAL fence: a page costs `per` rows whatever the number
 * of memberships or organizations, on the first page and on the deepest. Totals come from
 * list_counts, never a count(*) over the list.
 */
export function listOrganizationsSql(principal: Principal, per: number, after: [string, string] | undefined): ListSql {
  const keyset = (columns: string, from: number) => (after ? `AND (${columns}) > ($${from}::timestamptz, $${from + 1}::uuid)` : '');
  const limit = `LIMIT ${per + 1}`;
  if (principal.kind === 'token') {
    const params = [principal.organizationId];
    return {
      page: [
        `SELECT ${ORGANIZATION_COLUMNS}, NULL AS role, o.created_at::text AS k_ts FROM organizations o
          WHERE o.id = $1 ${keyset('o.created_at, o.id', 2)} ORDER BY o.created_at, o.id ${limit}`,
        after ? [...params, ...after] : params,
      ],
      count: ['SELECT count(*)::int AS count FROM organizations WHERE id = $1', params],
    };
  }
  if (principal.isAdmin) {
    const params = [principal.userId];
    return {
      page: [
        `SELECT ${ORGANIZATION_COLUMNS}, m.role AS role, o.created_at::text AS k_ts
           FROM organizations o LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $1 AND m.status = 'active'
          WHERE TRUE ${keyset('o.created_at, o.id', 2)} ORDER BY o.created_at, o.id ${limit}`,
        after ? [...params, ...after] : params,
      ],
      count: [`SELECT ${countedSize('organizations', "''")}::int AS count`, []],
    };
  }
  const params = [principal.userId];
  return {
    page: [
      // OFFSET 0 keeps the planner from flattening the LATERAL into a join it may order the other way.
      `SELECT ${ORGANIZATION_COLUMNS}, m.role AS role, m.organization_created_at::text AS k_ts
         FROM memberships m CROSS JOIN LATERAL (SELECT * FROM organizations WHERE id = m.organization_id OFFSET 0) o
        WHERE m.user_id = $1 AND m.status = 'active' ${keyset('m.organization_created_at, m.organization_id', 2)}
        ORDER BY m.user_id, m.organization_created_at, m.organization_id ${limit}`,
      after ? [...params, ...after] : params,
    ],
    count: [`SELECT ${countedSize('user_organizations', '$1::int::text')}::int AS count`, params],
  };
}

/**
 * Keyset paging on (created_at, id). The timestamp travels in the cursor as Postgres text so
 * its microseconds survive (a JS Date would round them and skip or repeat rows).
 */
@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery> {
  constructor(
    private readonly db: PreparedReads,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ principal, per, cursor }: ListOrganizationsQuery): Promise<Page<OrganizationResponseDto>> {
    if (principal.kind === 'token') allowToken(principal, ORGANIZATION_RULES.read);
    const after = decodeCreatedAtIdCursor(cursor);
    const sql = listOrganizationsSql(principal, per, after);
    const { rows, total } = await runList<KeyedRow>(this.db, sql);
    return toPage(
      rows,
      per,
      total,
      (row) => [row.k_ts, row.id],
      ({ k_ts: _k, ...row }) => toOrganizationResponse(row, this.settings.publicUrl, row.role ?? null),
    );
  }
}
