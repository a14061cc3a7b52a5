import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Organization, type OrganizationChanges } from '../../domain/organization.entity.js';
import { etagOf, toOrganizationResponse, type OrganizationRow } from '../../dto/organization.response.dto.js';
import { authorize } from '../../organization-access.js';
import { AdminOnlyFieldError, OrganizationNotFoundError, StaleEtagError } from '../../organizations.errors.js';
import { UpdateOrganizationCommand, type UpdatedOrganization } from './update-organization.command.js';
import type { UpdateOrganizationRequestDto } from './update-organization.request.dto.js';

@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  execute({ principal, organizationId, body, acceptedVersions }: UpdateOrganizationCommand): Promise<UpdatedOrganization> {
    const changes = toChanges(body);
    if (('verified' in changes || 'verified_at' in changes) && !(principal.kind === 'user' && principal.isAdmin)) {
      throw new AdminOnlyFieldError();
    }
    return this.uow.run(async (tx) => {
      const { role } = await authorize(tx.manager, principal, organizationId, { roles: ['owner', 'admin'], token: 'write' });
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

function toChanges(body: UpdateOrganizationRequestDto): OrganizationChanges {
  const { photo, verified_at, ...rest } = body;
  const changes: OrganizationChanges = { ...rest };
  if (photo !== undefined && rest.photo_url === undefined) changes.photo_url = photo;
  if (verified_at !== undefined) changes.verified_at = verified_at === null ? null : new Date(verified_at);
  for (const key of Object.keys(changes) as (keyof OrganizationChanges)[]) {
    if (changes[key] === undefined) delete changes[key];
  }
  return changes;
}
