import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { OrganizationDeletionHooks } from '../../organization-deletion.hooks.js';
import { Organization } from '../../domain/organization.entity.js';
import { authorize } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { OrganizationNotFoundError } from '../../organizations.errors.js';
import { DeleteOrganizationCommand } from './delete-organization.command.js';

@CommandHandler(DeleteOrganizationCommand)
export class DeleteOrganizationHandler implements ICommandHandler<DeleteOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hooks: OrganizationDeletionHooks,
  ) {}

  async execute({ principal, organizationId }: DeleteOrganizationCommand): Promise<void> {
    await this.uow.run(async (tx) => {
      await authorize(tx.manager, principal, organizationId, ORGANIZATION_RULES.delete);
      const organization = await tx.manager.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!organization) throw new OrganizationNotFoundError();
      await this.hooks.run(tx, organizationId);
      tx.track(organization).delete();
      // Memberships go with the organization (ON DELETE CASCADE).
      await tx.manager.delete(Organization, { id: organizationId });
    }, workContextOf(principal));
  }
}
