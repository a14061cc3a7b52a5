import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AFTER_IN_ORGANIZATION, countedSize, type ListSql } from '../../../infrastructure/database/list-counts.js';
import { decodeIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { readAuthorized } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import {
  CREDENTIAL_COLUMNS,
  toCredentialResponse,
  type CredentialResponseDto,
  type CredentialRow,
} from '../../dto/credential.response.dto.js';
import { ListCredentialsQuery } from './list-credentials.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

/** One page (`per + 1` rows from after the cursor) and the total, as SQL with parameters; the EXPLAIN test plans these. */
export function listCredentialsSql(organizationId: string, per: number, after: number | undefined): ListSql {
  return {
    page: [
      `SELECT ${CREDENTIAL_COLUMNS} FROM credentials c
        WHERE ${AFTER_IN_ORGANIZATION('c')}
        ORDER BY c.organization_id, c.id LIMIT ${per + 1}`,
      [organizationId, after ?? 0],
    ],
    count: [`SELECT ${countedSize('credentials', '$1::uuid::text')}::int AS count`, [organizationId]],
  };
}

/** Keyset paging on the id (serial, so in linking order). */
@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ principal, organizationId, per, cursor }: ListCredentialsQuery): Promise<Page<CredentialResponseDto>> {
    const after = decodeIdCursor(cursor);
    const sql = listCredentialsSql(organizationId, per, after);
    const { rows, total } = await readAuthorized<CredentialRow>(
      this.db,
      principal,
      organizationId,
      CREDENTIAL_RULES.read,
      sql.page,
      sql.count,
    );
    return toPage(rows, per, total, (row) => [row.id], toCredentialResponse);
  }
}
