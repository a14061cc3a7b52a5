import { Injectable } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';

/** What the auth module calls when it anonymizes a user: their memberships stay, nothing on them names the person. */
@Injectable()
export class MemberErasure {
  /** An invitation accepted by email keeps the address on the membership row: it goes, in the caller's transaction. */
  async forgetEmailOf(tx: Transaction, userId: number): Promise<void> {
    await tx.manager.query('UPDATE memberships SET email = NULL WHERE user_id = $1 AND email IS NOT NULL', [userId]);
  }
}
