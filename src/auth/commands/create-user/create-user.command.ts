import { Command } from '@nestjs/cqrs';

export interface CreatedUser {
  id: number;
  name: string;
  email: string | null;
  is_admin: boolean;
}

export class CreateUserCommand extends Command<CreatedUser> {
  constructor(
    readonly email: string,
    readonly name: string,
    readonly isAdmin: boolean,
    readonly via: 'cli' | 'bootstrap',
  ) {
    super();
  }
}
