import { Command } from '@nestjs/cqrs';
import type { CreatedUser } from '../create-user/create-user.command.js';

/** Operator: attaches a Facebook identity to the user with this email (CLI `users:link-facebook`). */
export class LinkFacebookCommand extends Command<CreatedUser> {
  constructor(
    readonly email: string,
    readonly facebookUserId: string,
  ) {
    super();
  }
}
