import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../common/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Organization } from '../../domain/organization.entity.js';
import { etagOf, toOrganizationResponse, type OrganizationRow } from '../../dto/organization.response.dto.js';
import { authorize } from '../../organization-access.js';
import { ORGANIZATION_RULES } from '../../organizations.access.js';
import { AdminOnlyFieldError, OrganizationNotFoundError, StaleEtagError } from '../../organizations.errors.js';
import { UpdateOrganizationCommand, type UpdatedOrganization } from './update-organization.command.js';

@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, changes, acceptedVersions }: UpdateOrganizationCommand): Promise<UpdatedOrganization> {
    if (('verified' in changes || 'verified_at' in changes) && !(principal.kind === 'user' && principal.isAdmin)) {
      throw new AdminOnlyFieldError();
    }
    return this.uow.run(async (tx) => {
      const { role } = await authorize(tx.manager, principal, organizationId, ORGANIZATION_RULES.update);
      // Loaded under the row lock: concurrent writers queue here, each applying its change to what
      // the previous one committed, so a write without If-Match always succeeds and loses nothing;
      // with If-Match the version compared is the one this write will replace.
      const organization = await tx.manager.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'for_no_key_update' } });
      if (!organization) throw new OrganizationNotFoundError();
      if (acceptedVersions !== undefined && !acceptedVersions.includes(organization.version)) throw new StaleEtagError();

      tx.track(organization);
      const changed = organization.update(changes);
      if (changed.length > 0) {
        await tx.manager
          .createQueryBuilder()
          .update(Organization)
          .set(Object.fromEntries([...changed, 'version', 'updated_at'].map((f) => [f, organization[f as keyof Organization]])))
          .where('id = :id', { id: organizationId })
          .execute();
      }
      const row = organization as unknown as OrganizationRow;
      return { organization: toOrganizationResponse(row, this.settings.publicUrl, role), etag: etagOf(organization.version) };
    }, workContextOf(principal));
  }
}
