import { Command } from '@nestjs/cqrs';

/**
 * Issues a single-use login state bound to a fresh nonce, and answers the Facebook dialog address to
 * send the browser to with the nonce for the browser's login cookie.
 */
export class StartFacebookLoginCommand extends Command<{ dialogUrl: string; nonce: string }> {
  constructor(readonly redirect: string | undefined) {
    super();
  }
}
