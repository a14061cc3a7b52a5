import { Command } from '@nestjs/cqrs';

/** Facebook's deauthorize callback: that person removed the app. */
export class DeauthorizeFacebookUserCommand extends Command<{ success: true }> {
  constructor(
    readonly signedRequest: string,
    /** The callback request's X-Request-Id, the correlation id of the events it causes. */
    readonly requestId: string | null = null,
  ) {
    super();
  }
}
