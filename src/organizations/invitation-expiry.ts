import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { InvitationExpiredEvent } from './domain/events/invitation-expired.event.js';
import type { Role } from './domain/role.js';

/** At most this many open (pending, unexpired) invitations per organization. */
export const MAX_OPEN_INVITATIONS = 500;

/**
 * Deletes expired invitations, recording InvitationExpired for each: those of `membershipIds`, or,
 * without ids, the next `limit` due ones no other transaction holds. Returns how many went.
 */
export async function dropExpiredInvitations(tx: Transaction, select: { membershipIds: number[] } | { limit: number }): Promise<number> {
  const due =
    'membershipIds' in select
      ? { sql: 'SELECT id FROM memberships WHERE id = ANY($1::int[])', params: [select.membershipIds] }
      : {
          sql: `SELECT id FROM memberships WHERE status = 'pending' AND expires_at <= now() ORDER BY expires_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          params: [select.limit],
        };
  // TypeORM answers a DELETE with [rows, affected count].
  const [rows]: [{ organization_id: string; invitation_id: string; role: Role; expires_at: Date | string }[], number] =
    await tx.manager.query(
      `DELETE FROM memberships WHERE id IN (${due.sql}) AND status = 'pending' AND expires_at <= now()
      RETURNING organization_id, invitation_id, role, expires_at`,
      due.params,
    );
  for (const row of rows) {
    tx.record(new InvitationExpiredEvent(row.organization_id, row.invitation_id, row.role, new Date(row.expires_at)));
  }
  return rows.length;
}
