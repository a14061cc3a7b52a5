import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { authorize } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import {
  CREDENTIAL_COLUMNS,
  toCredentialResponse,
  type CredentialResponseDto,
  type CredentialRow,
} from '../../dto/credential.response.dto.js';
import { ListCredentialsQuery } from './list-credentials.query.js';

/** Keyset paging on the id (serial, so in linking order). */
@QueryHandler(ListCredentialsQuery)
export class ListCredentialsHandler implements IQueryHandler<ListCredentialsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, organizationId, per, cursor }: ListCredentialsQuery): Promise<Page<CredentialResponseDto>> {
    await authorize(this.dataSource, principal, organizationId, CREDENTIAL_RULES.read);
    const after = decodeIdCursor(cursor);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${CREDENTIAL_COLUMNS} FROM credentials c
          WHERE c.organization_id = $1 ${after !== undefined ? 'AND c.id > $2' : ''}
          ORDER BY c.id LIMIT ${per + 1}`,
        after !== undefined ? [organizationId, after] : [organizationId],
      ) as Promise<CredentialRow[]>,
      this.dataSource.query('SELECT count(*)::int AS count FROM credentials WHERE organization_id = $1', [organizationId]) as Promise<
        { count: number }[]
      >,
    ]);
    return toPage(rows, per, count, (row) => [row.id], toCredentialResponse);
  }
}
