import { Command } from '@nestjs/cqrs';
import type { LinkTarget } from '../sign-in-with-facebook/sign-in-with-facebook.command.js';

/**
 * Issues a single-use login state bound to a fresh nonce, and answers the Facebook dialog address to
 * send the browser to with the nonce for the browser's login cookie. With `linkTo` the state also
 * carries the signed-in caller, so the callback attaches the identity to that account.
 */
export class StartFacebookLoginCommand extends Command<{ dialogUrl: string; nonce: string }> {
  constructor(
    readonly redirect: string | undefined,
    readonly linkTo?: LinkTarget,
  ) {
    super();
  }
}
