import type { UnitOfWork } from '../infrastructure/database/unit-of-work.js';
import { systemActor } from '../infrastructure/events/actor.js';
import { openSessionFor } from './domain/session.entity.js';
import { User } from './domain/user.entity.js';
import type { SessionResponseDto } from './dto/user.response.dto.js';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@localhost';

/** Names the lock under which processes starting together decide who bootstraps. */
const BOOTSTRAP_LOCK = 0x656e7442;

/**
 * On an empty database outside production, creates the platform admin and opens a session for
 * it, so a newcomer can try every route at once. One transaction under an advisory lock: of
 * several processes starting together exactly one creates it; the others see users and do nothing.
 */
export function bootstrapAdmin(uow: UnitOfWork): Promise<SessionResponseDto | undefined> {
  return uow.run(
    async (tx) => {
      await tx.manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const [{ exists }]: { exists: boolean }[] = await tx.manager.query('SELECT EXISTS (SELECT 1 FROM users) AS exists');
      if (exists) return undefined;
      const admin = User.create({ email: BOOTSTRAP_ADMIN_EMAIL, name: 'Platform admin', isAdmin: true });
      const user = tx.track(await tx.manager.getRepository(User).save(admin));
      user.signedUp('bootstrap');
      return openSessionFor(tx.manager, user);
    },
    { actor: systemActor('bootstrap') },
  );
}
