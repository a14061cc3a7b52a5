import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeEmail } from '../../../common/email.js';
import { isUniqueViolation } from '../../../infrastructure/database/postgres-errors.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { FacebookIdentityInUseError, UserNotFoundError } from '../../auth.errors.js';
import { User } from '../../domain/user.entity.js';
import type { CreatedUser } from '../create-user/create-user.command.js';
import { attachFacebookIdentity } from './attach-facebook-identity.js';
import { LinkFacebookCommand } from './link-facebook.command.js';

@CommandHandler(LinkFacebookCommand)
export class LinkFacebookHandler implements ICommandHandler<LinkFacebookCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ email, facebookUserId }: LinkFacebookCommand): Promise<CreatedUser> {
    try {
      return await this.uow.run(async (tx) => {
        const users = tx.manager.getRepository(User);
        const user = await users.findOne({ where: { email: normalizeEmail(email) }, lock: { mode: 'pessimistic_write' } });
        if (!user) throw new UserNotFoundError(email);
        await attachFacebookIdentity(users, tx.track(user), facebookUserId, 'cli');
        await users.save(user);
        return { id: user.id, name: user.name, email: user.email, is_admin: user.isAdmin };
      });
    } catch (error) {
      // The same identity attached elsewhere at the same moment: the unique index decided.
      if (isUniqueViolation(error)) throw new FacebookIdentityInUseError();
      throw error;
    }
  }
}
