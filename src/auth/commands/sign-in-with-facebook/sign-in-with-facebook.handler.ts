import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from '../../../infrastructure/database/postgres-errors.js';
import { UnitOfWork, type Transaction } from '../../../infrastructure/database/unit-of-work.js';
import { PendingMemberships } from '../../../organizations/activate-pending-memberships.js';
import { openSessionFor } from '../../domain/session.entity.js';
import { normalizeEmail, User } from '../../domain/user.entity.js';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';
import { FacebookEmailLinkedElsewhereError, FacebookEmailOfAdminError } from '../../facebook/facebook-login.errors.js';
import { SignInWithFacebookCommand, type FacebookIdentity } from './sign-in-with-facebook.command.js';

@CommandHandler(SignInWithFacebookCommand)
export class SignInWithFacebookHandler implements ICommandHandler<SignInWithFacebookCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly pendingMemberships: PendingMemberships,
  ) {}

  async execute(command: SignInWithFacebookCommand): Promise<SessionResponseDto> {
    try {
      return await this.signIn(command);
    } catch (error) {
      // Two first sign-ins of the same person at once: the loser finds the user the winner created.
      if (!isUniqueViolation(error)) throw error;
      return this.signIn(command);
    }
  }

  private signIn({ identity }: SignInWithFacebookCommand): Promise<SessionResponseDto> {
    return this.uow.run(async (tx) => {
      const user = await this.findOrCreate(tx, identity);
      await this.pendingMemberships.activate(tx, user.id, user.email);
      return openSessionFor(tx.manager, user);
    });
  }

  private async findOrCreate(tx: Transaction, identity: FacebookIdentity): Promise<User> {
    const users = tx.manager.getRepository(User);
    const email = identity.email ? normalizeEmail(identity.email) : null;
    const known = await users.findOneBy({ facebookUserId: identity.facebookUserId });
    if (known) {
      // Facebook's current email is taken over only when no other user holds it.
      const takeEmail = email !== null && email !== known.email && !(await users.existsBy({ email }));
      known.signedInWithFacebook(identity.facebookUserId, identity.name, takeEmail ? email : known.email);
      return users.save(known);
    }
    const sameEmail = email ? await users.findOneBy({ email }) : null;
    if (sameEmail) return this.link(users, sameEmail, identity);
    const user = tx.track(await users.save(User.create({ email, name: identity.name, facebookUserId: identity.facebookUserId })));
    user.signedUp('facebook');
    return user;
  }

  /**
   * A user created earlier (CLI, invitation) with this email now signs in with Facebook. Never a
   * platform admin: an email shown by Facebook is not enough to hand over an account that can manage
   * every organization.
   */
  private async link(users: Repository<User>, user: User, identity: FacebookIdentity): Promise<User> {
    if (user.facebookUserId !== null) throw new FacebookEmailLinkedElsewhereError();
    if (user.isAdmin) throw new FacebookEmailOfAdminError();
    user.signedInWithFacebook(identity.facebookUserId, identity.name, user.email);
    return users.save(user);
  }
}
