import { Command } from '@nestjs/cqrs';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';

/** Who Facebook says the person is (`/me?fields=id,name,email`); never a Facebook token. */
export interface FacebookIdentity {
  facebookUserId: string;
  name: string;
  email: string | null;
}

/** The signed-in caller who started `GET /v1/auth/facebook?link=1`, as bound to the login state. */
export interface LinkTarget {
  userId: number;
  sessionId: string;
}

/**
 * Finds the user by Facebook id (never by email) or creates one, or, for a link started by a
 * signed-in caller, attaches the identity to that caller's account; activates their invitations
 * and opens a session.
 */
export class SignInWithFacebookCommand extends Command<SessionResponseDto> {
  constructor(
    readonly identity: FacebookIdentity,
    readonly linkTo?: LinkTarget,
  ) {
    super();
  }
}
