import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeEmail } from '../../../common/email.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { systemActor } from '../../../infrastructure/events/actor.js';
import { PendingMemberships } from '../../../organizations/activate-pending-memberships.js';
import { EmailTakenError } from '../../auth.errors.js';
import { User } from '../../domain/user.entity.js';
import { CreateUserCommand, type CreatedUser } from './create-user.command.js';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly pendingMemberships: PendingMemberships,
  ) {}

  execute({ email, name, isAdmin, via }: CreateUserCommand): Promise<CreatedUser> {
    return this.uow.run(
      async (tx) => {
        const users = tx.manager.getRepository(User);
        if (await users.existsBy({ email: normalizeEmail(email) })) throw new EmailTakenError(email);
        const user = tx.track(await users.save(User.create({ email, name, isAdmin })));
        user.signedUp(via);
        await this.pendingMemberships.activate(tx, user.id, user.email);
        return { id: user.id, name: user.name, email: user.email, is_admin: user.isAdmin };
      },
      { actor: systemActor(via) },
    );
  }
}
