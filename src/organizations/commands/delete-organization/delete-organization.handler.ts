import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { OrganizationDeletionHooks } from '../../organization-deletion.hooks.js';
import { Organization } from '../../domain/organization.entity.js';
import { authorize, type AccessRule } from '../../organization-access.js';
import { OrganizationNotFoundError } from '../../organizations.errors.js';
import { DeleteOrganizationCommand } from './delete-organization.command.js';

/** Owners only, in a session of their own: no token, whatever its flags, deletes the organization it acts for. */
const DELETE_ORGANIZATION: AccessRule = { roles: ['owner'], token: false };

@CommandHandler(DeleteOrganizationCommand)
export class DeleteOrganizationHandler implements ICommandHandler<DeleteOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hooks: OrganizationDeletionHooks,
  ) {}

  async execute({ principal, organizationId }: DeleteOrganizationCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, DELETE_ORGANIZATION);
      const organization = await tx.manager.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw new OrganizationNotFoundError();
      await this.hooks.run(tx, organizationId);
      tx.track(organization).delete();
      // Memberships go with the organization (ON DELETE CASCADE).
      await tx.manager.delete(Organization, { id: organizationId });
    }, workContextOf(principal));
  }
}
