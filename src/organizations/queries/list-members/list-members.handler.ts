import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import {
  MEMBER_COLUMNS,
  OPEN_MEMBERSHIP,
  toMemberResponse,
  type MemberResponseDto,
  type MemberRow,
} from '../../dto/member.response.dto.js';
import { authorize } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { ListMembersQuery } from './list-members.query.js';

type KeyedRow = MemberRow & { k_id: number };

/** Active members and open invitations in the order they were added; keyset paging on the membership id. */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ principal, organizationId, per, cursor }: ListMembersQuery): Promise<Page<MemberResponseDto>> {
    const after = decodeIdCursor(cursor);
    await authorize(this.dataSource, principal, organizationId, ORGANIZATION_RULES.read);
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT m.id AS k_id, ${MEMBER_COLUMNS}
           FROM memberships m LEFT JOIN users u ON u.id = m.user_id
          WHERE m.organization_id = $1 AND ${OPEN_MEMBERSHIP} ${after !== undefined ? 'AND m.id > $2' : ''}
          ORDER BY m.id
          LIMIT ${per + 1}`,
        after !== undefined ? [organizationId, after] : [organizationId],
      ) as Promise<KeyedRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS count FROM memberships m WHERE m.organization_id = $1 AND ${OPEN_MEMBERSHIP}`, [
        organizationId,
      ]) as Promise<{ count: number }[]>,
    ]);
    return toPage(
      rows,
      per,
      count,
      (row) => [row.k_id],
      ({ k_id: _k, ...row }) => toMemberResponse(row),
    );
  }
}
