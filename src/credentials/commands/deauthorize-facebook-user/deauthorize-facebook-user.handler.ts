import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { FACEBOOK } from '../../../infrastructure/events/actor.js';
import { FacebookNotConfiguredError } from '../../../infrastructure/facebook/facebook.errors.js';
import { Credential } from '../../domain/credential.entity.js';
import { parseSignedRequest } from '../../facebook/signed-request.js';
import { FacebookRevocationQueue } from '../../revocation/facebook-revocation.queue.js';
import { DeauthorizeFacebookUserCommand } from './deauthorize-facebook-user.command.js';

/**
 * Every credential of that Facebook account, in every organization, becomes `revoked` and loses its
 * token; revocations still queued for it are moot (Facebook already dropped the app) and are cancelled.
 */
@CommandHandler(DeauthorizeFacebookUserCommand)
export class DeauthorizeFacebookUserHandler implements ICommandHandler<DeauthorizeFacebookUserCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly revocations: FacebookRevocationQueue,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ signedRequest, requestId }: DeauthorizeFacebookUserCommand): Promise<{ success: true }> {
    const secret = this.settings.facebook.appSecret;
    if (!secret) throw new FacebookNotConfiguredError();
    const { user_id: facebookUserId } = parseSignedRequest(signedRequest, secret);
    await this.uow.run(
      async (tx) => {
        const credentials = await tx.manager.find(Credential, {
          where: { facebook_user_id: facebookUserId },
          order: { id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        for (const credential of credentials) {
          tx.track(credential).revoke('deauthorized');
          await tx.manager.save(credential);
        }
        await this.revocations.cancelPendingWithin(tx.manager, facebookUserId, 'the person removed the app at Facebook');
      },
      { actor: FACEBOOK, correlationId: requestId },
    );
    return { success: true };
  }
}
