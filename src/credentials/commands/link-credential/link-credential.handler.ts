import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { workContextOf } from '../../../common/principal.js';
import { isUniqueViolation } from '../../../infrastructure/database/postgres-errors.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { OAuthStateStore } from '../../../infrastructure/security/oauth-state.store.js';
import { SecretBox } from '../../../infrastructure/security/secret-box.js';
import { authorize } from '../../../organizations/organization-access.js';
import { OrganizationNotFoundError } from '../../../organizations/organizations.errors.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import { CredentialAlreadyLinkedError } from '../../credentials.errors.js';
import { Credential, credentialIdentity } from '../../domain/credential.entity.js';
import { toCredentialResponse, type CredentialResponseDto } from '../../dto/credential.response.dto.js';
import { FacebookAccountVerifier } from '../../facebook/facebook-account.verifier.js';
import { actorOf, consumeLinkState, verifyReleasingState } from '../../link-state.js';
import { FacebookRevocationQueue, LINKED_AGAIN } from '../../revocation/facebook-revocation.queue.js';
import { LinkCredentialCommand } from './link-credential.command.js';

/**
 * Three steps, so no transaction is open while Facebook is called: consume the state (one atomic
 * statement), verify the code at Facebook, then store in one unit of work. Any failure stores nothing.
 */
@CommandHandler(LinkCredentialCommand)
export class LinkCredentialHandler implements ICommandHandler<LinkCredentialCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly states: OAuthStateStore,
    private readonly verifier: FacebookAccountVerifier,
    private readonly box: SecretBox,
    private readonly revocations: FacebookRevocationQueue,
  ) {}

  async execute({ principal, organizationId, code, state }: LinkCredentialCommand): Promise<CredentialResponseDto> {
    await authorize(this.dataSource, principal, organizationId, CREDENTIAL_RULES.write);
    await consumeLinkState(this.states, state, { principal, organizationId, credentialId: null });
    const account = await verifyReleasingState(this.states, state, () => this.verifier.verify(code));

    try {
      return await this.uow.run(async (tx) => {
        await authorize(tx.manager, principal, organizationId, CREDENTIAL_RULES.write);
        // KEY SHARE waits for a concurrent deletion of the organization, then finds it gone (404, not a foreign key error).
        const organization: unknown[] = await tx.manager.query('SELECT 1 FROM organizations WHERE id = $1 FOR KEY SHARE', [organizationId]);
        if (organization.length === 0) throw new OrganizationNotFoundError();
        const taken: unknown[] = await tx.manager.query('SELECT 1 FROM credentials WHERE organization_id = $1 AND facebook_user_id = $2', [
          organizationId,
          account.facebookUserId,
        ]);
        if (taken.length > 0) throw new CredentialAlreadyLinkedError();
        const [{ id }]: { id: number }[] = await tx.manager.query(`SELECT nextval(pg_get_serial_sequence('credentials', 'id'))::int AS id`);
        const sealed = this.box.encrypt(account.accessToken, credentialIdentity(id));
        const credential = tx.track(Credential.link(id, organizationId, account, sealed, actorOf(principal)));
        await tx.manager.insert(Credential, credential);
        // A revocation still queued from an earlier unlink would kill the token just stored.
        await this.revocations.cancelPendingWithin(tx.manager, account.facebookUserId, LINKED_AGAIN);
        return toCredentialResponse(credential);
      }, workContextOf(principal));
    } catch (error) {
      // Two links of the same account racing: the unique constraint decides.
      if (isUniqueViolation(error, 'credentials_account_uq')) throw new CredentialAlreadyLinkedError();
      throw error;
    }
  }
}
