import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { UserNotFoundError } from '../../auth.errors.js';
import { Session, SESSION_TTL_SECONDS } from '../../domain/session.entity.js';
import { normalizeEmail, User } from '../../domain/user.entity.js';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';
import { OpenSessionCommand } from './open-session.command.js';

@CommandHandler(OpenSessionCommand)
export class OpenSessionHandler implements ICommandHandler<OpenSessionCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ email }: OpenSessionCommand): Promise<SessionResponseDto> {
    return this.uow.run(async (tx) => {
      const user = await tx.manager.getRepository(User).findOneBy({ email: normalizeEmail(email) });
      if (!user) throw new UserNotFoundError(email);
      const { session, token } = Session.open(user.id);
      await tx.manager.getRepository(Session).insert(session);
      return {
        access_token: token,
        token_type: 'Bearer',
        expires_in: SESSION_TTL_SECONDS,
        user: { id: user.id, name: user.name, email: user.email },
      };
    });
  }
}
