import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { ValidationFailedError } from '../../../infrastructure/errors/domain-error.js';
import { OAuthStateStore } from '../../../infrastructure/security/oauth-state.store.js';
import {
  LOGIN_STATE_TTL_SECONDS,
  loginDialogUrl,
  requireFacebookLogin,
  type LoginStateBinding,
} from '../../facebook/facebook-login.options.js';
import { newLoginNonce } from '../../session-cookie.js';
import { StartFacebookLoginCommand } from './start-facebook-login.command.js';

/** Only the SPA's own origin may be a post-login destination (no open redirect). */
export function safeRedirect(redirect: string, webAppUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(redirect, `${webAppUrl}/`);
  } catch {
    url = undefined;
  }
  if (!url || url.origin !== webAppUrl) {
    throw new ValidationFailedError(`redirect must be on ${webAppUrl}`, [{ field: 'redirect', message: `must be on ${webAppUrl}` }]);
  }
  return url.toString();
}

@CommandHandler(StartFacebookLoginCommand)
export class StartFacebookLoginHandler implements ICommandHandler<StartFacebookLoginCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly states: OAuthStateStore,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute({ redirect, linkTo }: StartFacebookLoginCommand): Promise<{ dialogUrl: string; nonce: string }> {
    const options = requireFacebookLogin(this.settings);
    const { nonce, nonceHash } = newLoginNonce();
    const binding: LoginStateBinding = { nonceHash };
    if (redirect !== undefined) binding.redirect = safeRedirect(redirect, this.settings.webAppUrl);
    if (linkTo !== undefined) binding.link = { userId: linkTo.userId, sessionId: linkTo.sessionId };
    const { state } = await this.uow.run((tx) => this.states.issue('login', binding, LOGIN_STATE_TTL_SECONDS, tx.manager));
    return { dialogUrl: loginDialogUrl(options, state), nonce };
  }
}
