import { Injectable } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { forgetIdempotentAnswersShowing } from '../infrastructure/http/idempotency.js';
import { MemberErasure } from '../organizations/member-erasure.js';
import { UserAnonymizedEvent } from './domain/events/user-anonymized.event.js';

/** What an anonymized user is called from then on. */
export const DELETED_USER_NAME = 'Deleted user';

/** The auth module's part of a Facebook data deletion, for the credentials module to call. */
@Injectable()
export class UserAnonymizer {
  constructor(private readonly members: MemberErasure) {}

  /**
   * Inside the caller's transaction, the user who signed in with this Facebook account keeps its id
   * and memberships, nothing that names them: name, email and Facebook id go, its sessions are
   * revoked (event UserAnonymized), its memberships forget the email, and stored idempotent answers
   * showing that email go. Returns how many users.
   */
  async anonymizeFacebookUser(tx: Transaction, facebookUserId: string): Promise<number> {
    const users: { id: number; email: string | null }[] = await tx.manager.query(
      'SELECT id, email FROM users WHERE facebook_user_id = $1 FOR UPDATE',
      [facebookUserId],
    );
    for (const { id } of users) {
      await tx.manager.query('UPDATE users SET name = $2, email = NULL, facebook_user_id = NULL, updated_at = now() WHERE id = $1', [
        id,
        DELETED_USER_NAME,
      ]);
      await tx.manager.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      await this.members.forgetEmailOf(tx, id);
      tx.record(new UserAnonymizedEvent(id, 'data_deletion'));
    }
    await forgetIdempotentAnswersShowing(
      tx.manager,
      'email',
      users.flatMap((user) => (user.email ? [user.email] : [])),
    );
    return users.length;
  }
}
