import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { authorize } from '../../../organizations/organization-access.js';
import { OrganizationNotFoundError } from '../../../organizations/organizations.errors.js';
import { AuthorizationToken } from '../../domain/authorization-token.entity.js';
import { toAuthorizationTokenResponse, type IssuedAuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';
import { TOKEN_RULES } from '../../tokens.access.js';
import { TokenLimitError } from '../../tokens.errors.js';
import { IssueTokenCommand } from './issue-token.command.js';

/** Active = neither revoked nor expired. */
const MAX_ACTIVE_TOKENS = 100;

@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, grant }: IssueTokenCommand): Promise<IssuedAuthorizationTokenResponseDto> {
    return this.uow.run(async (tx) => {
      // The organization's row lock, taken before the caller's role is read: an issuance waits for a
      // member change in flight (lockMembers takes the same lock), so a creator demoted or removed
      // meanwhile is refused here rather than left holding a token the revocation never saw; and
      // issuances of one organization run one at a time, so the count below stays true until the
      // commit. It also waits for a deletion, then finds the organization gone (404).
      const [organization]: { name: string }[] = await tx.manager.query('SELECT name FROM organizations WHERE id = $1 FOR NO KEY UPDATE', [
        organizationId,
      ]);
      const { user } = await authorize(tx.manager, principal, organizationId, TOKEN_RULES.manage);
      if (!organization) throw new OrganizationNotFoundError();
      const [{ active }]: { active: number }[] = await tx.manager.query(
        `SELECT count(*)::int AS active FROM authorization_tokens
          WHERE organization_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [organizationId],
      );
      if (active >= MAX_ACTIVE_TOKENS) throw new TokenLimitError(MAX_ACTIVE_TOKENS);
      const { token, secret } = AuthorizationToken.issue(organizationId, grant, user.userId);
      await tx.manager.insert(AuthorizationToken, tx.track(token));
      const { token_hint: _hint, ...fields } = toAuthorizationTokenResponse(
        {
          id: token.id,
          organization_id: organizationId,
          organization_name: organization.name,
          token_hint: token.tokenHint,
          created_by: token.createdBy,
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
