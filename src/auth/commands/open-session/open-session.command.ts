import { Command } from '@nestjs/cqrs';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';

/** Opens a session for the user with this email (operator CLI, bootstrap). */
export class OpenSessionCommand extends Command<SessionResponseDto> {
  constructor(readonly email: string) {
    super();
  }
}
