import { Command } from '@nestjs/cqrs';

/** Issues a single-use login state and answers the Facebook dialog address to send the browser to. */
export class StartFacebookLoginCommand extends Command<{ dialogUrl: string }> {
  constructor(readonly redirect: string | undefined) {
    super();
  }
}
