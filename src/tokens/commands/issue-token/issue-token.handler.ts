import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { authorize } from '../../../organizations/organization-access.js';
import { OrganizationNotFoundError, TokenPermissionError } from '../../../organizations/organizations.errors.js';
import { AuthorizationToken } from '../../domain/authorization-token.entity.js';
import { toAuthorizationTokenResponse, type IssuedAuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';
import { MANAGE_TOKENS } from '../../manage-tokens.rule.js';
import { IssueTokenCommand } from './issue-token.command.js';

@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, body }: IssueTokenCommand): Promise<IssuedAuthorizationTokenResponseDto> {
    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_TOKENS);
      if (principal.kind !== 'user') throw new TokenPermissionError('issue tokens');
      // KEY SHARE waits for a concurrent deletion of the organization, then finds it gone (404).
      const [organization]: { name: string }[] = await tx.manager.query(
        'SELECT name FROM organizations WHERE id = $1 FOR KEY SHARE',
        [organizationId],
      );
      if (!organization) throw new OrganizationNotFoundError();
      const { token, secret } = AuthorizationToken.issue(
        organizationId,
        {
          description: body.description ?? null,
          read: body.read_enabled ?? true,
          write: body.write_enabled ?? false,
          delete: body.delete_enabled ?? false,
          expiresAt: body.expires_at ? new Date(body.expires_at) : null,
        },
        principal.userId,
      );
      await tx.manager.insert(AuthorizationToken, tx.track(token));
      const { token_hint: _hint, ...fields } = toAuthorizationTokenResponse(
        {
          id: token.id,
          organization_id: organizationId,
          organization_name: organization.name,
          token_hint: token.tokenHint,
          description: token.description,
          read_enabled: token.readEnabled,
          write_enabled: token.writeEnabled,
          delete_enabled: token.deleteEnabled,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          last_used_at: null,
        },
        this.settings.publicUrl,
      );
      const { id, ...rest } = fields;
      return { id, token: secret, ...rest };
    }, workContextOf(principal));
  }
}
