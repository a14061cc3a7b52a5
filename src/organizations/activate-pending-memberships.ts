import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeEmail } from '../common/email.js';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { MemberActivatedEvent } from './domain/events/member-activated.event.js';
import type { Role } from './domain/role.js';

type Db = Pick<EntityManager, 'query'>;

/**
 * Serializes "is there a user with this email?" (adding a member) against "activate what waits
 * for this email" (a user appearing), so an invitation is never left pending beside its user.
 * Call inside a transaction; the lock is released at commit.
 */
export async function lockPendingEmail(db: Db, email: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pending-membership:${normalizeEmail(email)}`]);
}

/** What the auth module calls when an account with an email appears or signs in. */
@Injectable()
export class PendingMemberships {
  /**
   * Turns the open invitations for `email` into active memberships of `userId` (joined now), each
   * with MemberActivated, inside the caller's transaction (the one that creates the user or signs
   * them in). An expired invitation is never taken up. Where the user already belongs to an
   * organization, the invitation is dropped and the existing membership kept. Returns the ids of
   * the organizations joined.
   */
  async activate(tx: Transaction, userId: number, email: string | null): Promise<string[]> {
    if (!email) return [];
    const normalized = normalizeEmail(email);
    await lockPendingEmail(tx.manager, normalized);
    await tx.manager.query(
      `DELETE FROM memberships p
        WHERE p.user_id IS NULL AND p.email = $2
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = p.organization_id AND m.user_id = $1)`,
      [userId, normalized],
    );
    // TypeORM answers an UPDATE with [rows, affected count]; `p` keeps the invitation id being cleared.
    const [rows]: [{ organization_id: string; invitation_id: string; role: Role }[], number] = await tx.manager.query(
      `UPDATE memberships m SET user_id = $1, status = 'active', joined_at = now(), invitation_id = NULL, expires_at = NULL
         FROM (SELECT id, invitation_id FROM memberships
                WHERE user_id IS NULL AND email = $2 AND status = 'pending' AND expires_at > now()) p
        WHERE m.id = p.id
        RETURNING m.organization_id, p.invitation_id, m.role`,
      [userId, normalized],
    );
    for (const row of rows) tx.record(new MemberActivatedEvent(row.organization_id, row.invitation_id, userId, row.role));
    return rows.map((row) => row.organization_id);
  }
}
