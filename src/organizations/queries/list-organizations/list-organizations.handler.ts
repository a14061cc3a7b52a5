import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { decodeCreatedAtIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { ORGANIZATION_COLUMNS, toOrganizationResponse, type OrganizationResponseDto, type OrganizationRow } from '../../dto/organization.response.dto.js';
import { TokenPermissionError } from '../../organizations.errors.js';
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
    const after = decodeCreatedAtIdCursor(cursor);
    let scope = 'TRUE';
    const params: unknown[] = [];
    if (principal.kind === 'token') {
      if (!principal.read) throw new TokenPermissionError('read here');
      params.push(principal.organizationId);
      scope = 'o.id = $1';
    } else if (!principal.isAdmin) {
      scope = 'm.role IS NOT NULL';
    }
    params.push(principal.kind === 'user' ? principal.userId : null);
    const from = `FROM organizations o
      LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $${params.length} AND m.status = 'active'`;
    const base = params;
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${ORGANIZATION_COLUMNS}, m.role, o.created_at::text AS k_ts ${from}
          WHERE ${scope} ${after ? `AND (o.created_at, o.id) > ($${base.length + 1}::timestamptz, $${base.length + 2}::uuid)` : ''}
          ORDER BY o.created_at, o.id
          LIMIT ${per + 1}`,
        after ? [...base, ...after] : base,
      ) as Promise<KeyedRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS count ${from} WHERE ${scope}`, base) as Promise<{ count: number }[]>,
    ]);
    return toPage(rows, per, count, (row) => [row.k_ts, row.id], ({ k_ts: _k, ...row }) =>
      toOrganizationResponse(row, this.settings.publicUrl, row.role ?? null),
    );
  }
}
