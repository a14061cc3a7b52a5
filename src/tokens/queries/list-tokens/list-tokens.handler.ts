import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { countedSize, type ListSql } from '../../../infrastructure/database/list-counts.js';
import { decodeCreatedAtIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { readAuthorized } from '../../../organizations/organization-access.js';
import {
  toAuthorizationTokenResponse,
  type AuthorizationTokenResponseDto,
  type AuthorizationTokenRow,
} from '../../dto/authorization-token.response.dto.js';
import { TOKEN_RULES } from '../../tokens.access.js';
import { ListTokensQuery } from './list-tokens.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

type KeyedRow = AuthorizationTokenRow & { k_ts: string };

/** One page and the total, as SQL with parameters; the EXPLAIN test plans these. */
export function listTokensSql(organizationId: string, per: number, after: [string, string] | undefined): ListSql {
  return {
    page: [
      `SELECT t.id, t.organization_id, o.name AS organization_name, t.token_hint, t.created_by, t.description, t.read_enabled,
              t.write_enabled, t.delete_enabled, t.created_at, t.expires_at, t.last_used_at, t.created_at::text AS k_ts
         FROM authorization_tokens t JOIN organizations o ON o.id = t.organization_id
        WHERE t.organization_id = $1 AND t.revoked_at IS NULL ${after ? 'AND (t.created_at, t.id) > ($2::timestamptz, $3::uuid)' : ''}
        ORDER BY t.organization_id, t.created_at, t.id
        LIMIT ${per + 1}`,
      after ? [organizationId, ...after] : [organizationId],
    ],
    count: [`SELECT ${countedSize('tokens', '$1::uuid::text')}::int AS count`, [organizationId]],
  };
}

/**
 * The organization's tokens that are not revoked (expired ones included), oldest first; keyset
 * paging on (created_at, id), the timestamp carried as Postgres text to keep its microseconds.
 */
@QueryHandler(ListTokensQuery)
export class ListTokensHandler implements IQueryHandler<ListTokensQuery> {
  constructor(
    private readonly db: PreparedReads,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ principal, organizationId, per, cursor }: ListTokensQuery): Promise<Page<AuthorizationTokenResponseDto>> {
    const after = decodeCreatedAtIdCursor(cursor);
    const sql = listTokensSql(organizationId, per, after);
    const { rows, total } = await readAuthorized<KeyedRow>(this.db, principal, organizationId, TOKEN_RULES.manage, sql.page, sql.count);
    return toPage(
      rows,
      per,
      total,
      (row) => [row.k_ts, row.id],
      ({ k_ts: _k, ...row }) => toAuthorizationTokenResponse(row, this.settings.publicUrl),
    );
  }
}
