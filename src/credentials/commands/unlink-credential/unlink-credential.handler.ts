import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { authorize } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import { CredentialUnlinker } from '../../credential-unlinker.js';
import { CredentialNotFoundError } from '../../credentials.errors.js';
import { Credential } from '../../domain/credential.entity.js';
import { toCredentialResponse, type CredentialResponseDto } from '../../dto/credential.response.dto.js';
import { FacebookRevocationQueue } from '../../revocation/facebook-revocation.queue.js';
import { UnlinkCredentialCommand } from './unlink-credential.command.js';

/** Unlinks in one transaction; the revocation at Facebook is attempted after the commit, in the background. */
@CommandHandler(UnlinkCredentialCommand)
export class UnlinkCredentialHandler implements ICommandHandler<UnlinkCredentialCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly unlinker: CredentialUnlinker,
    private readonly revocations: FacebookRevocationQueue,
  ) {}

  async execute({ principal, organizationId, credentialId }: UnlinkCredentialCommand): Promise<CredentialResponseDto> {
    const { response, revocationId } = await this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, CREDENTIAL_RULES.delete);
      const credential = await tx.manager.findOne(Credential, {
        where: { id: credentialId, organization_id: organizationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!credential) throw new CredentialNotFoundError();
      const response = toCredentialResponse(credential);
      return { response, revocationId: await this.unlinker.unlinkWithin(tx, credential, 'unlinked') };
    }, workContextOf(principal));
    if (revocationId !== null) this.revocations.attemptSoon(revocationId);
    return response;
  }
}
