import { Command } from '@nestjs/cqrs';

/** Facebook's deauthorize callback: that person removed the app. */
export class DeauthorizeFacebookUserCommand extends Command<{ success: true }> {
  constructor(readonly signedRequest: string) {
    super();
  }
}
