import { createHmac, randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserAnonymizer } from '../../../auth/user-anonymizer.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { FACEBOOK } from '../../../infrastructure/events/actor.js';
import { scrubEventData } from '../../../infrastructure/events/event-scrub.js';
import { FacebookNotConfiguredError } from '../../../infrastructure/facebook/facebook.errors.js';
import { forgetIdempotentAnswersShowing } from '../../../infrastructure/http/idempotency.js';
import { Credential } from '../../domain/credential.entity.js';
import type { DataDeletionResponseDto } from '../../dto/credential.response.dto.js';
import { parseSignedRequest } from '../../facebook/signed-request.js';
import { RequestDataDeletionCommand } from './request-data-deletion.command.js';

/**
 * Erases, in one transaction, everything we hold from Facebook about that person:
 * - their credentials in every organization (token, name, account id: the rows go, each still-active
 *   one announced by a CredentialRevoked that does not carry the account id) and the revocations
 *   queued for them;
 * - the user account they signed in with: anonymized by the auth module (UserAnonymizer: name, email
 *   and Facebook id gone, sessions revoked, memberships kept; event UserAnonymized);
 * - the account id and the account's name in stored credential events' data (set to null; member
 *   events never held an email; the feed serves delivered ones too for EVENT_RETENTION_DAYS), and
 *   stored idempotent answers showing the account id (a retry then runs again, 24 hours at most).
 * Each module changes only its own tables, all in this one transaction.
 * The request is kept under a random confirmation code with only a keyed hash of the account id, for
 * the status page Facebook links to.
 */
@CommandHandler(RequestDataDeletionCommand)
export class RequestDataDeletionHandler implements ICommandHandler<RequestDataDeletionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserAnonymizer,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ signedRequest, requestId }: RequestDataDeletionCommand): Promise<DataDeletionResponseDto> {
    const secret = this.settings.facebook.appSecret;
    if (!secret) throw new FacebookNotConfiguredError();
    const { user_id: facebookUserId } = parseSignedRequest(signedRequest, secret);
    const confirmationCode = randomBytes(12).toString('hex');
    await this.uow.run(
      async (tx) => {
        const credentials = await tx.manager.find(Credential, {
          where: { facebook_user_id: facebookUserId },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        for (const credential of credentials) tx.track(credential).revoke('data_deletion');
        await tx.manager.delete(Credential, { facebook_user_id: facebookUserId });
        await tx.manager.query('DELETE FROM facebook_revocations WHERE facebook_user_id = $1', [facebookUserId]);
        await this.users.anonymizeFacebookUser(tx, facebookUserId);
        await scrubEventData(tx.manager, 'Credential', { field: 'facebook_user_id', value: facebookUserId }, ['facebook_user_id', 'name']);
        await forgetIdempotentAnswersShowing(tx.manager, 'facebook_user_id', [facebookUserId]);
        await tx.manager.query(
          `INSERT INTO facebook_data_deletions (confirmation_code, facebook_user_hash, status, credentials_erased, completed_at)
         VALUES ($1, $2, 'completed', $3, now())`,
          [confirmationCode, createHmac('sha256', secret).update(`data-deletion:${facebookUserId}`).digest('hex'), credentials.length],
        );
      },
      { actor: FACEBOOK, correlationId: requestId },
    );
    return { url: `${this.settings.publicUrl}/v1/facebook/data-deletion/${confirmationCode}`, confirmation_code: confirmationCode };
  }
}
