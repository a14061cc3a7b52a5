import type { EntityManager } from 'typeorm';
import { normalizeEmail } from '../auth/domain/user.entity.js';

type Db = Pick<EntityManager, 'query'>;

/**
 * Serializes "is there a user with this email?" (adding a member) against "activate what waits
 * for this email" (a user appearing), so an invitation is never left pending beside its user.
 * Call inside a transaction; the lock is released at commit.
 */
export async function lockPendingEmail(db: Db, email: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pending-membership:${normalizeEmail(email)}`]);
}

/**
 * Turns the memberships waiting for `email` into active memberships of `userId` (joined now).
 * Call it inside the transaction that creates the user or first signs them in (pass
 * `tx.manager`). Where the user already belongs to an organization, the invitation is dropped
 * and the existing membership kept. Returns the ids of the organizations joined.
 */
export async function activatePendingMemberships(manager: Db, userId: number, email: string | null): Promise<string[]> {
  if (!email) return [];
  const normalized = normalizeEmail(email);
  await lockPendingEmail(manager, normalized);
  await manager.query(
    `DELETE FROM memberships p
      WHERE p.user_id IS NULL AND p.email = $2
        AND EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = p.organization_id AND m.user_id = $1)`,
    [userId, normalized],
  );
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows]: [{ organization_id: string }[], number] = await manager.query(
    `UPDATE memberships SET user_id = $1, status = 'active', joined_at = now()
      WHERE user_id IS NULL AND email = $2
      RETURNING organization_id`,
    [userId, normalized],
  );
  return rows.map((row) => row.organization_id);
}
