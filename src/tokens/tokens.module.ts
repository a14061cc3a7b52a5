import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { IssueTokenHandler } from './commands/issue-token/issue-token.handler.js';
import { RevokeTokenHandler } from './commands/revoke-token/revoke-token.handler.js';
import { AuthorizationToken } from './domain/authorization-token.entity.js';
import { ListTokensHandler } from './queries/list-tokens/list-tokens.handler.js';
import { RevokeTokensOnCreatorRightsLost } from './revoke-tokens-on-creator-rights-lost.js';
import { RevokeTokensOnOrganizationDeletion } from './revoke-tokens-on-organization-deletion.js';
import { TokensController } from './tokens.controller.js';

/** Organization authorization tokens (Credly). Authenticating with one is the PrincipalResolver's job. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthorizationToken]), OrganizationsModule],
  controllers: [TokensController],
  providers: [
    IssueTokenHandler,
    RevokeTokenHandler,
    ListTokensHandler,
    RevokeTokensOnOrganizationDeletion,
    RevokeTokensOnCreatorRightsLost,
  ],
})
export class TokensModule {}
