import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AFTER_IN_ORGANIZATION, countedSize, EXPIRED_INVITATIONS, type ListSql } from '../../../infrastructure/database/list-counts.js';
import { decodeIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import {
  MEMBER_COLUMNS,
  OPEN_MEMBERSHIP,
  toMemberResponse,
  type MemberResponseDto,
  type MemberRow,
} from '../../dto/member.response.dto.js';
import { readAuthorized } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { ListMembersQuery } from './list-members.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

type KeyedRow = MemberRow & { k_id: number };

/**
 * One page and the total, as SQL with parameters; the EXPLAIN test plans these. The total is the
 * counted active members and pending invitations, less the invitations that have expired but
 * that the expiry job has not deleted yet (a few, through an index on their expiry).
 */
export function listMembersSql(organizationId: string, per: number, after: number | undefined): ListSql {
  return {
    page: [
      `SELECT m.id AS k_id, ${MEMBER_COLUMNS}
         FROM memberships m LEFT JOIN users u ON u.id = m.user_id
        WHERE ${AFTER_IN_ORGANIZATION('m')} AND ${OPEN_MEMBERSHIP}
        ORDER BY m.organization_id, m.id
        LIMIT ${per + 1}`,
      [organizationId, after ?? 0],
    ],
    count: [
      `SELECT (${countedSize('organization_members', '$1::uuid::text')} + ${countedSize('organization_pending', '$1::uuid::text')}
              - ${EXPIRED_INVITATIONS})::int AS count`,
      [organizationId],
    ],
  };
}

/** Active members and open invitations in the order they were added; keyset paging on the membership id. */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ principal, organizationId, per, cursor }: ListMembersQuery): Promise<Page<MemberResponseDto>> {
    const after = decodeIdCursor(cursor);
    const sql = listMembersSql(organizationId, per, after);
    const { rows, total } = await readAuthorized<KeyedRow>(
      this.db,
      principal,
      organizationId,
      ORGANIZATION_RULES.read,
      sql.page,
      sql.count,
    );
    return toPage(
      rows,
      per,
      total,
      (row) => [row.k_id],
      ({ k_id: _k, ...row }) => toMemberResponse(row),
    );
  }
}
