import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AFTER_IN_ORGANIZATION, countedSize, EXPIRED_INVITATIONS, type ListSql } from '../../../infrastructure/database/list-counts.js';
import { decodeIdCursor, toPage, type Page } from '../../../infrastructure/http/paging.js';
import {
  INVITATION_COLUMNS,
  toInvitationResponse,
  type InvitationResponseDto,
  type InvitationRow,
} from '../../dto/invitation.response.dto.js';
import { readAuthorized } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { ListInvitationsQuery } from './list-invitations.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

type KeyedRow = InvitationRow & { k_id: number };

const OPEN = `m.status = 'pending' AND m.expires_at > now()`;

/** One page and the total (counted pending invitations less the expired ones not yet deleted), as SQL with parameters. */
export function listInvitationsSql(organizationId: string, per: number, after: number | undefined): ListSql {
  return {
    page: [
      `SELECT m.id AS k_id, ${INVITATION_COLUMNS} FROM memberships m
        WHERE ${AFTER_IN_ORGANIZATION('m')} AND ${OPEN}
        ORDER BY m.organization_id, m.id
        LIMIT ${per + 1}`,
      [organizationId, after ?? 0],
    ],
    count: [
      `SELECT (${countedSize('organization_pending', '$1::uuid::text')}
              - ${EXPIRED_INVITATIONS})::int AS count`,
      [organizationId],
    ],
  };
}

/** Open invitations (pending, not expired) in the order they were sent; keyset paging on the membership id. */
@QueryHandler(ListInvitationsQuery)
export class ListInvitationsHandler implements IQueryHandler<ListInvitationsQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ principal, organizationId, per, cursor }: ListInvitationsQuery): Promise<Page<InvitationResponseDto>> {
    const after = decodeIdCursor(cursor);
    // Who may invite may see the invitations: owners and admins, never a token.
    const sql = listInvitationsSql(organizationId, per, after);
    const { rows, total } = await readAuthorized<KeyedRow>(
      this.db,
      principal,
      organizationId,
      ORGANIZATION_RULES.manageMembers,
      sql.page,
      sql.count,
    );
    return toPage(
      rows,
      per,
      total,
      (row) => [row.k_id],
      ({ k_id: _k, ...row }) => toInvitationResponse(row),
    );
  }
}
