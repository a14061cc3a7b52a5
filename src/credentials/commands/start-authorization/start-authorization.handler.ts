import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { OAuthStateStore } from '../../../infrastructure/security/oauth-state.store.js';
import { authorize } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import { CredentialNotFoundError } from '../../credentials.errors.js';
import type { AuthorizationResponseDto } from '../../dto/credential.response.dto.js';
import { FacebookGraphClient } from '../../facebook/facebook-graph.client.js';
import { LINK_STATE_TTL_SECONDS, type LinkStateBinding } from '../../link-state.js';
import { StartAuthorizationCommand } from './start-authorization.command.js';

@CommandHandler(StartAuthorizationCommand)
export class StartAuthorizationHandler implements ICommandHandler<StartAuthorizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly states: OAuthStateStore,
    private readonly graph: FacebookGraphClient,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, credentialId }: StartAuthorizationCommand): Promise<AuthorizationResponseDto> {
    return this.uow.run(async (tx) => {
      const { user } = await authorize(tx.manager, principal, organizationId, CREDENTIAL_RULES.authorize);
      if (credentialId !== null) {
        const found: unknown[] = await tx.manager.query('SELECT 1 FROM credentials WHERE id = $1 AND organization_id = $2', [
          credentialId,
          organizationId,
        ]);
        if (found.length === 0) throw new CredentialNotFoundError();
      }
      const binding: LinkStateBinding = { organizationId, userId: user.userId, credentialId };
      const { state, expiresAt } = await this.states.issue('link', binding, LINK_STATE_TTL_SECONDS, tx.manager);
      const { linkRedirectUri, credentialScopes } = this.settings.facebook;
      return {
        state,
        authorization_url: this.graph.dialogUrl(state, linkRedirectUri, credentialScopes),
        expires_at: expiresAt.toISOString(),
      };
    }, workContextOf(principal));
  }
}
