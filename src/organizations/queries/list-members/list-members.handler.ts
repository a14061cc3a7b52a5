import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ValidationFailedError } from '../../../infrastructure/errors/domain-error.js';
import { decodeCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import { MEMBER_COLUMNS, toMemberResponse, type MemberResponseDto, type MemberRow } from '../../dto/member.response.dto.js';
import { ANY_MEMBER, authorize } from '../../organization-access.js';
import { ListMembersQuery } from './list-members.query.js';

const MAX_INT4 = 2_147_483_647;

type KeyedRow = MemberRow & { k_id: number };

/** Active and pending members in the order they were added; keyset paging on the membership id. */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, organizationId, per, cursor }: ListMembersQuery): Promise<Page<MemberResponseDto>> {
    const after = decodeCursor(cursor, ['number']);
    if (after && !(Number.isInteger(after[0]) && Math.abs(after[0] as number) <= MAX_INT4)) {
      throw new ValidationFailedError('cursor is not a cursor this API issued', [{ field: 'cursor', message: 'invalid cursor' }]);
    }
    await authorize(this.dataSource, principal, organizationId, ANY_MEMBER);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT m.id AS k_id, ${MEMBER_COLUMNS}
           FROM memberships m LEFT JOIN users u ON u.id = m.user_id
          WHERE m.organization_id = $1 ${after ? 'AND m.id > $2' : ''}
          ORDER BY m.id
          LIMIT ${per + 1}`,
        after ? [organizationId, after[0]] : [organizationId],
      ) as Promise<KeyedRow[]>,
      this.dataSource.query('SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1', [organizationId]) as Promise<
        { count: number }[]
      >,
    ]);
    return toPage(rows, per, count, (row) => [row.k_id], ({ k_id: _k, ...row }) => toMemberResponse(row));
  }
}
