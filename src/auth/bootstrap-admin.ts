import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { SessionResponseDto } from './dto/user.response.dto.js';
import { CreateUserCommand } from './commands/create-user/create-user.command.js';
import { OpenSessionCommand } from './commands/open-session/open-session.command.js';

export const BOOTSTRAP_ADMIN_EMAIL = 'admin@localhost';

/**
 * On an empty database outside production, creates the platform admin and opens a session for
 * it, so a newcomer can try every route at once. Returns undefined when users already exist.
 */
export async function bootstrapAdmin(dataSource: DataSource, commandBus: CommandBus): Promise<SessionResponseDto | undefined> {
  const [{ exists }]: { exists: boolean }[] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM users) AS exists');
  if (exists) return undefined;
  await commandBus.execute(new CreateUserCommand(BOOTSTRAP_ADMIN_EMAIL, 'Platform admin', true, 'bootstrap'));
  return commandBus.execute(new OpenSessionCommand(BOOTSTRAP_ADMIN_EMAIL));
}
