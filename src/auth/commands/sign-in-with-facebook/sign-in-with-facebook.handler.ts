import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Repository } from 'typeorm';
import { normalizeEmail } from '../../../common/email.js';
import { isUniqueViolation } from '../../../infrastructure/database/postgres-errors.js';
import { UnitOfWork, type Transaction } from '../../../infrastructure/database/unit-of-work.js';
import { UnauthenticatedError } from '../../../infrastructure/errors/domain-error.js';
import { PendingMemberships } from '../../../organizations/activate-pending-memberships.js';
import { openSessionFor } from '../../domain/session.entity.js';
import { User } from '../../domain/user.entity.js';
import type { SessionResponseDto } from '../../dto/user.response.dto.js';
import { FacebookEmailInUseError } from '../../facebook/facebook-login.errors.js';
import { attachFacebookIdentity } from '../link-facebook/attach-facebook-identity.js';
import { SignInWithFacebookCommand, type FacebookIdentity, type LinkTarget } from './sign-in-with-facebook.command.js';

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
      // Two first sign-ins (or links) of the same identity at once: the retry sees what the winner wrote.
      if (!isUniqueViolation(error)) throw error;
      return this.signIn(command);
    }
  }

  private signIn({ identity, linkTo }: SignInWithFacebookCommand): Promise<SessionResponseDto> {
    return this.uow.run(async (tx) => {
      const user = linkTo ? await this.link(tx, identity, linkTo) : await this.findOrCreate(tx, identity);
      await this.pendingMemberships.activate(tx, user.id, user.email);
      return openSessionFor(tx.manager, user);
    });
  }

  private async findOrCreate(tx: Transaction, identity: FacebookIdentity): Promise<User> {
    const users = tx.manager.getRepository(User);
    const known = await users.findOneBy({ facebookUserId: identity.facebookUserId });
    if (known) return this.takeProfile(users, known, identity);
    // An existing account is never matched by email: whoever shows that address at Facebook is not
    // thereby its owner. The owner attaches Facebook while signed in (?link=1).
    const email = identity.email ? normalizeEmail(identity.email) : null;
    if (email !== null && (await users.existsBy({ email }))) throw new FacebookEmailInUseError();
    const user = tx.track(await users.save(User.create({ email, name: identity.name, facebookUserId: identity.facebookUserId })));
    user.signedUp('facebook');
    return user;
  }

  /** The signed-in caller who started this link gets the identity, if their session still holds. */
  private async link(tx: Transaction, identity: FacebookIdentity, { userId, sessionId }: LinkTarget): Promise<User> {
    const live: unknown[] = await tx.manager.query(
      'SELECT 1 FROM sessions WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()',
      [sessionId, userId],
    );
    if (live.length === 0) throw new UnauthenticatedError('The session that started linking Facebook has ended; sign in and start again');
    const users = tx.manager.getRepository(User);
    const user = await users.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new UnauthenticatedError('The account that started linking Facebook no longer exists');
    await attachFacebookIdentity(users, tx.track(user), identity.facebookUserId, 'sign_in');
    return this.takeProfile(users, user, identity);
  }

  /** Facebook's current name; its email only when no other account holds it (else the stored one stays). */
  private async takeProfile(users: Repository<User>, user: User, identity: FacebookIdentity): Promise<User> {
    const email = identity.email ? normalizeEmail(identity.email) : null;
    const takeEmail = email !== null && email !== user.email && !(await users.existsBy({ email }));
    user.signedInWithFacebook(identity.name, takeEmail ? email : user.email);
    return users.save(user);
  }
}
