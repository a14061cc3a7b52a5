import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { workContextOf } from '../../../auth/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { authorize } from '../../../organizations/organization-access.js';
import { TokenPermissionError } from '../../../organizations/organizations.errors.js';
import { AuthorizationToken } from '../../domain/authorization-token.entity.js';
import { MANAGE_TOKENS } from '../../manage-tokens.rule.js';
import { AuthorizationTokenNotFoundError } from '../../tokens.errors.js';
import { RevokeTokenCommand } from './revoke-token.command.js';

/** Revocation is a committed UPDATE the next lookup sees: the token stops working at once. */
@CommandHandler(RevokeTokenCommand)
export class RevokeTokenHandler implements ICommandHandler<RevokeTokenCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ principal, organizationId, tokenId }: RevokeTokenCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, MANAGE_TOKENS);
      if (principal.kind !== 'user') throw new TokenPermissionError('revoke tokens');
      const token = await tx.manager.findOne(AuthorizationToken, {
        where: { id: tokenId, organizationId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) throw new AuthorizationTokenNotFoundError();
      tx.track(token).revoke(principal.userId);
      await tx.manager.update(AuthorizationToken, { id: token.id }, { revokedAt: token.revokedAt });
    }, workContextOf(principal));
  }
}
