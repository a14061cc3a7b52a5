import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { OAuthStateStore } from '../../../infrastructure/security/oauth-state.store.js';
import { SecretBox } from '../../../infrastructure/security/secret-box.js';
import { authorize } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import { CredentialNotFoundError } from '../../credentials.errors.js';
import { Credential, credentialIdentity } from '../../domain/credential.entity.js';
import { toCredentialResponse, type CredentialResponseDto } from '../../dto/credential.response.dto.js';
import { FacebookAccountVerifier } from '../../facebook/facebook-account.verifier.js';
import { consumeLinkState, verifyReleasingState } from '../../link-state.js';
import { FacebookRevocationQueue, LINKED_AGAIN } from '../../revocation/facebook-revocation.queue.js';
import { RelinkCredentialCommand } from './relink-credential.command.js';

/** Like linking, for an existing credential: same Facebook account only (409 otherwise). */
@CommandHandler(RelinkCredentialCommand)
export class RelinkCredentialHandler implements ICommandHandler<RelinkCredentialCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly states: OAuthStateStore,
    private readonly verifier: FacebookAccountVerifier,
    private readonly box: SecretBox,
    private readonly revocations: FacebookRevocationQueue,
  ) {}

  async execute({ principal, organizationId, credentialId, code, state }: RelinkCredentialCommand): Promise<CredentialResponseDto> {
    await authorize(this.dataSource, principal, organizationId, CREDENTIAL_RULES.write);
    const found: unknown[] = await this.dataSource.query('SELECT 1 FROM credentials WHERE id = $1 AND organization_id = $2', [
      credentialId,
      organizationId,
    ]);
    if (found.length === 0) throw new CredentialNotFoundError();
    await consumeLinkState(this.states, state, { principal, organizationId, credentialId });
    const account = await verifyReleasingState(this.states, state, () => this.verifier.verify(code));

    return this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, CREDENTIAL_RULES.write);
      const credential = await tx.manager.findOne(Credential, {
        where: { id: credentialId, organization_id: organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!credential) throw new CredentialNotFoundError();
      tx.track(credential).relink(account, this.box.encrypt(account.accessToken, credentialIdentity(credential.id)));
      await tx.manager.save(credential);
      // A revocation still queued from an unlink elsewhere would kill the fresh token.
      await this.revocations.cancelPendingWithin(tx.manager, account.facebookUserId, LINKED_AGAIN);
      return toCredentialResponse(credential);
    }, workContextOf(principal));
  }
}
