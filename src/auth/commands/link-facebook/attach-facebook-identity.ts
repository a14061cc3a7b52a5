import type { Repository } from 'typeorm';
import { FacebookIdentityInUseError } from '../../auth.errors.js';
import type { User } from '../../domain/user.entity.js';

/**
 * Attaches `facebookUserId` to `user` (loaded FOR UPDATE in the caller's transaction), refusing an
 * identity that another account holds. Shared by the signed-in link flow and the operator CLI.
 */
export async function attachFacebookIdentity(
  users: Repository<User>,
  user: User,
  facebookUserId: string,
  via: 'sign_in' | 'cli',
): Promise<void> {
  const holder = await users.findOneBy({ facebookUserId });
  if (holder && holder.id !== user.id) throw new FacebookIdentityInUseError();
  user.linkFacebook(facebookUserId, via);
}
