import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/principal.js';
import { INT4_MAX } from '../infrastructure/http/paging.js';
import type { MemberActor } from './domain/membership.entity.js';
import { authorize, type PeopleOnlyRule } from './organization-access.js';
import { MemberNotFoundError } from './organizations.errors.js';

/**
 * Starts a member change: locks the organization row, then authorizes the caller under that lock.
 * Member changes of one organization thus run one at a time, so the owner count a change reads
 * (the last-owner rule) and the caller's own role both stay true until it commits.
 * Platform admins act as owners.
 */
export async function lockMembers(
  manager: EntityManager,
  principal: Principal,
  organizationId: string,
  rule: PeopleOnlyRule,
): Promise<MemberActor> {
  // NO KEY UPDATE: conflicts with itself and with writers of the row, but not with the foreign-key
  // checks of concurrent membership inserts elsewhere.
  await manager.query('SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [organizationId]);
  const { role, user } = await authorize(manager, principal, organizationId, rule);
  return { userId: user.userId, role: user.isAdmin ? 'owner' : role! };
}

/** Active owners, read under lockMembers' lock. */
export async function countOwners(manager: EntityManager, organizationId: string): Promise<number> {
  const [{ count }]: { count: number }[] = await manager.query(
    `SELECT count(*)::int AS count FROM memberships WHERE organization_id = $1 AND role = 'owner' AND status = 'active'`,
    [organizationId],
  );
  return count;
}

/** A user id from the path that cannot name any user (users.id is a 32-bit serial) is simply not a member. */
export function assertUserIdInRange(userId: number): void {
  if (!Number.isSafeInteger(userId) || userId < 1 || userId > INT4_MAX) throw new MemberNotFoundError();
}
