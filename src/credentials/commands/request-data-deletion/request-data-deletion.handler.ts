import { createHmac, randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UserAnonymizedEvent } from '../../../auth/domain/events/user-anonymized.event.js';
import { UnitOfWork, type Transaction } from '../../../infrastructure/database/unit-of-work.js';
import { FACEBOOK } from '../../../infrastructure/events/actor.js';
import { FacebookNotConfiguredError } from '../../../infrastructure/facebook/facebook.errors.js';
import { Credential } from '../../domain/credential.entity.js';
import type { DataDeletionResponseDto } from '../../dto/credential.response.dto.js';
import { parseSignedRequest } from '../../facebook/signed-request.js';
import { RequestDataDeletionCommand } from './request-data-deletion.command.js';

/** What an anonymized user is called from then on. */
export const DELETED_USER_NAME = 'Deleted user';

/**
 * Erases, in one transaction, everything we hold from Facebook about that person:
 * - their credentials in every organization (token, name, account id: the rows go, each still-active
 *   one announced by a CredentialRevoked that does not carry the account id) and the revocations
 *   queued for them;
 * - the user account they signed in with: anonymized (name, email and Facebook id gone), its sessions
 *   revoked, its memberships kept (event UserAnonymized);
 * - the account id and the account's name in stored events' data (set to null; member events never
 *   held an email), and stored idempotent answers showing the account id or that user's email.
 * The request is kept under a random confirmation code with only a keyed hash of the account id, for
 * the status page Facebook links to.
 */
@CommandHandler(RequestDataDeletionCommand)
export class RequestDataDeletionHandler implements ICommandHandler<RequestDataDeletionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ signedRequest, requestId }: RequestDataDeletionCommand): Promise<DataDeletionResponseDto> {
    const secret = this.settings.facebook.appSecret;
    if (!secret) throw new FacebookNotConfiguredError();
    const { user_id: facebookUserId } = parseSignedRequest(signedRequest, secret);
    const confirmationCode = randomBytes(12).toString('hex');
    await this.uow.run(async (tx) => {
      const credentials = await tx.manager.find(Credential, {
        where: { facebook_user_id: facebookUserId },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const credential of credentials) tx.track(credential).revoke('data_deletion');
      await tx.manager.delete(Credential, { facebook_user_id: facebookUserId });
      await tx.manager.query('DELETE FROM facebook_revocations WHERE facebook_user_id = $1', [facebookUserId]);
      const emails = await this.anonymizeUsers(tx, facebookUserId);
      await this.scrubRecords(tx, facebookUserId, emails);
      await tx.manager.query(
        `INSERT INTO facebook_data_deletions (confirmation_code, facebook_user_hash, status, credentials_erased, completed_at)
         VALUES ($1, $2, 'completed', $3, now())`,
        [confirmationCode, createHmac('sha256', secret).update(`data-deletion:${facebookUserId}`).digest('hex'), credentials.length],
      );
    }, { actor: FACEBOOK, correlationId: requestId });
    return { url: `${this.settings.publicUrl}/v1/facebook/data-deletion/${confirmationCode}`, confirmation_code: confirmationCode };
  }

  /** The user who signed in with this Facebook account keeps its id and memberships, nothing that names them. Returns the emails it had. */
  private async anonymizeUsers(tx: Transaction, facebookUserId: string): Promise<string[]> {
    const users: { id: number; email: string | null }[] = await tx.manager.query(
      'SELECT id, email FROM users WHERE facebook_user_id = $1 FOR UPDATE',
      [facebookUserId],
    );
    for (const { id } of users) {
      await tx.manager.query(
        'UPDATE users SET name = $2, email = NULL, facebook_user_id = NULL, updated_at = now() WHERE id = $1',
        [id, DELETED_USER_NAME],
      );
      await tx.manager.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      // An invitation accepted by email keeps the address on the membership row.
      await tx.manager.query('UPDATE memberships SET email = NULL WHERE user_id = $1 AND email IS NOT NULL', [id]);
      tx.record(new UserAnonymizedEvent(id, 'data_deletion'));
    }
    return users.flatMap((user) => (user.email ? [user.email] : []));
  }

  /**
   * Stored events (credential events carry the account id and, linked/relinked, the account's name;
   * delivered ones too: the feed serves them for EVENT_RETENTION_DAYS) and idempotent replays.
   */
  private async scrubRecords(tx: Transaction, facebookUserId: string, emails: string[]): Promise<void> {
    await tx.manager.query(
      `UPDATE events
          SET data = data || jsonb_build_object('facebook_user_id', NULL) || CASE WHEN data ? 'name' THEN '{"name": null}'::jsonb ELSE '{}'::jsonb END
        WHERE aggregate_type = 'Credential' AND data->>'facebook_user_id' = $1`,
      [facebookUserId],
    );
    const replayed = [`"facebook_user_id":${JSON.stringify(facebookUserId)}`];
    for (const email of emails) replayed.push(`"email":${JSON.stringify(email)}`);
    // A retry of those requests then runs again instead of replaying the answer (24 hours at most).
    for (const fragment of replayed) {
      await tx.manager.query('DELETE FROM idempotency_keys WHERE strpos(response_body, $1) > 0', [fragment]);
    }
  }
}
