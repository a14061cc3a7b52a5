import { Injectable, Logger } from '@nestjs/common';
import type { Transaction } from '../infrastructure/database/unit-of-work.js';
import { SecretBox, SecretBoxError } from '../infrastructure/security/secret-box.js';
import { Credential, credentialIdentity } from './domain/credential.entity.js';
import type { UnlinkReason } from './domain/events/credential-unlinked.event.js';
import { FacebookRevocationQueue } from './revocation/facebook-revocation.queue.js';

/**
 * Unlinks a credential inside the caller's transaction: erases its token, queues the revocation at
 * Facebook, deletes the row, records CredentialUnlinked. Returns the queued revocation's id, to be
 * attempted after the commit.
 *
 * Revoking at Facebook de-authorizes the app for that person altogether, so it is skipped while
 * another organization still has that Facebook account actively linked: unlinking here must not
 * break the credential there.
 */
@Injectable()
export class CredentialUnlinker {
  private readonly logger = new Logger('CredentialUnlinker');

  constructor(
    private readonly box: SecretBox,
    private readonly revocations: FacebookRevocationQueue,
  ) {}

  async unlinkWithin(tx: Transaction, credential: Credential, reason: UnlinkReason): Promise<number | null> {
    let revocationId: number | null = null;
    const token = this.openToken(credential);
    if (token) {
      const stillLinked: unknown[] = await tx.manager.query(
        `SELECT 1 FROM credentials WHERE facebook_user_id = $1 AND organization_id <> $2 AND status = 'active' LIMIT 1`,
        [credential.facebook_user_id, credential.organization_id],
      );
      if (stillLinked.length === 0) revocationId = await this.revocations.queueWithin(tx.manager, credential.facebook_user_id, token);
    }
    tx.track(credential).unlink(reason, revocationId !== null);
    await tx.manager.delete(Credential, { id: credential.id });
    return revocationId;
  }

  private openToken(credential: Credential): string | undefined {
    if (!credential.encrypted_token) return undefined;
    try {
      return this.box.decrypt(credential.encrypted_token, credentialIdentity(credential.id));
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      // An unreadable token cannot be revoked; the unlink itself must still happen.
      this.logger.warn(
        `Credential ${credential.id}: the stored token cannot be decrypted (${error.message}); unlinking without revoking at Facebook`,
      );
      return undefined;
    }
  }
}
