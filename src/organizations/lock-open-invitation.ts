import type { EntityManager } from 'typeorm';
import { Membership } from './domain/membership.entity.js';
import { InvitationNotFoundError } from './organizations.errors.js';

/**
 * Loads an open invitation of the organization with its row locked, so the expiry job or a sign-in
 * taking it up cannot change it under the caller. Expired is the same as absent (404).
 */
export async function lockOpenInvitation(manager: EntityManager, organizationId: string, invitationId: string): Promise<Membership> {
  const [row]: { id: number }[] = await manager.query(
    `SELECT id FROM memberships
      WHERE organization_id = $1 AND invitation_id = $2 AND status = 'pending' AND expires_at > now()
      FOR UPDATE`,
    [organizationId, invitationId],
  );
  if (!row) throw new InvitationNotFoundError();
  return manager.findOneByOrFail(Membership, { id: row.id });
}
