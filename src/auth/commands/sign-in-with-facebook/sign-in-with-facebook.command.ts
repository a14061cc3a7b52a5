import { Command } from '@nestjs/cqrs';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';

/** Who Facebook says the person is (`/me?fields=id,name,email`); never a Facebook token. */
export interface FacebookIdentity {
  facebookUserId: string;
  name: string;
  email: string | null;
}

/** Finds (by Facebook id, else by email) or creates the user, activates their invitations and opens a session. */
export class SignInWithFacebookCommand extends Command<SessionResponseDto> {
  constructor(readonly identity: FacebookIdentity) {
    super();
  }
}
