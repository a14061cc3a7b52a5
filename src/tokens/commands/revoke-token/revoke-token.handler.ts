import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { authorize } from '../../../organizations/organization-access.js';
import { AuthorizationToken } from '../../domain/authorization-token.entity.js';
import { TOKEN_RULES } from '../../tokens.access.js';
import { AuthorizationTokenNotFoundError } from '../../tokens.errors.js';
import { RevokeTokenCommand } from './revoke-token.command.js';

/** Revocation is a committed UPDATE the next lookup sees: the token stops working at once. */
@CommandHandler(RevokeTokenCommand)
export class RevokeTokenHandler implements ICommandHandler<RevokeTokenCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ principal, organizationId, tokenId }: RevokeTokenCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      const { user } = await authorize(tx.manager, principal, organizationId, TOKEN_RULES.manage);
      const token = await tx.manager.findOne(AuthorizationToken, {
        where: { id: tokenId, organizationId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) throw new AuthorizationTokenNotFoundError();
      tx.track(token).revoke(user.userId);
      await tx.manager.update(AuthorizationToken, { id: token.id }, { revokedAt: token.revokedAt });
    }, workContextOf(principal));
  }
}
