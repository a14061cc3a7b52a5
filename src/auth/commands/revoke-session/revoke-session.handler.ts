import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Session } from '../../domain/session.entity.js';
import { RevokeSessionCommand } from './revoke-session.command.js';

@CommandHandler(RevokeSessionCommand)
export class RevokeSessionHandler implements ICommandHandler<RevokeSessionCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ sessionId }: RevokeSessionCommand): Promise<void> {
    await this.uow.run((tx) => tx.manager.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() }));
  }
}
