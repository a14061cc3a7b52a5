import { createHash, randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { FacebookNotConfiguredError } from '../../credentials.errors.js';
import { Credential } from '../../domain/credential.entity.js';
import type { DataDeletionResponseDto } from '../../dto/credential.response.dto.js';
import { parseSignedRequest } from '../../facebook/signed-request.js';
import { RequestDataDeletionCommand } from './request-data-deletion.command.js';

/**
 * Erases, in one transaction, everything we hold from Facebook about that person: their credentials
 * in every organization (token, name, account id: the rows go, each still-active one announced by
 * CredentialRevoked), the revocations queued for them and the sign-in link of a user account. The request is kept under a random
 * confirmation code with only a hash of the account id, for the status page Facebook links to.
 */
@CommandHandler(RequestDataDeletionCommand)
export class RequestDataDeletionHandler implements ICommandHandler<RequestDataDeletionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ signedRequest }: RequestDataDeletionCommand): Promise<DataDeletionResponseDto> {
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
      // A user who signed in with this Facebook account keeps the account, not the link to Facebook.
      await tx.manager.query('UPDATE users SET facebook_user_id = NULL, updated_at = now() WHERE facebook_user_id = $1', [facebookUserId]);
      await tx.manager.query(
        `INSERT INTO facebook_data_deletions (confirmation_code, facebook_user_hash, status, credentials_erased, completed_at)
         VALUES ($1, $2, 'completed', $3, now())`,
        [confirmationCode, createHash('sha256').update(facebookUserId).digest('hex'), credentials.length],
      );
    });
    return { url: `${this.settings.publicUrl}/v1/facebook/data-deletion/${confirmationCode}`, confirmation_code: confirmationCode };
  }
}
