import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeEmail } from '../../../common/email.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { UserNotFoundError } from '../../auth.errors.js';
import { openSessionFor } from '../../domain/session.entity.js';
import { User } from '../../domain/user.entity.js';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';
import { OpenSessionCommand } from './open-session.command.js';

@CommandHandler(OpenSessionCommand)
export class OpenSessionHandler implements ICommandHandler<OpenSessionCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ email }: OpenSessionCommand): Promise<SessionResponseDto> {
    return this.uow.run(async (tx) => {
      const user = await tx.manager.getRepository(User).findOneBy({ email: normalizeEmail(email) });
      if (!user) throw new UserNotFoundError(email);
      return openSessionFor(tx.manager, user);
    });
  }
}
