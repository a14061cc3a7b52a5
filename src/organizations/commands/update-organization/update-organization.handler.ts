import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workContextOf } from '../../../auth/principal.js';
import { appConfig, type AppConfig } from '../../../infrastructure/config/app.config.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Organization, type OrganizationChanges } from '../../domain/organization.entity.js';
import { etagOf, toOrganizationResponse, type OrganizationRow } from '../../dto/organization.response.dto.js';
import { authorize } from '../../organization-access.js';
import { AdminOnlyFieldError, ConcurrentUpdateError, OrganizationNotFoundError, StaleEtagError } from '../../organizations.errors.js';
import { UpdateOrganizationCommand, type UpdatedOrganization } from './update-organization.command.js';
import type { UpdateOrganizationRequestDto } from './update-organization.request.dto.js';

const ATTEMPTS = 3;

class VersionMoved extends Error {}

@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async execute(command: UpdateOrganizationCommand): Promise<UpdatedOrganization> {
    const changes = toChanges(command.body);
    if (('verified' in changes || 'verified_at' in changes) && !(command.principal.kind === 'user' && command.principal.isAdmin)) {
      throw new AdminOnlyFieldError();
    }
    // Without If-Match a concurrent writer only means "reload and apply again".
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(command, changes);
      } catch (error) {
        if (!(error instanceof VersionMoved)) throw error;
        if (command.acceptedVersions !== undefined) throw new StaleEtagError();
        if (attempt >= ATTEMPTS) throw new ConcurrentUpdateError();
      }
    }
  }

  private attempt({ principal, organizationId, acceptedVersions }: UpdateOrganizationCommand, changes: OrganizationChanges) {
    return this.uow.run(async (tx) => {
      const { role } = await authorize(tx.manager, principal, organizationId, { roles: ['owner', 'admin'], token: 'write' });
      const organization = await tx.manager.findOneBy(Organization, { id: organizationId });
      if (!organization) throw new OrganizationNotFoundError();
      const loaded = organization.version;
      if (acceptedVersions !== undefined && !acceptedVersions.includes(loaded)) throw new StaleEtagError();

      tx.track(organization);
      const changed = organization.update(changes);
      if (changed.length > 0) {
        // The version check lives in the UPDATE itself: TypeORM does not check it on save().
        const result = await tx.manager
          .createQueryBuilder()
          .update(Organization)
          .set(Object.fromEntries([...changed, 'version', 'updated_at'].map((f) => [f, organization[f as keyof Organization]])))
          .where('id = :id AND version = :loaded', { id: organizationId, loaded })
          .execute();
        if (result.affected !== 1) throw new VersionMoved();
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
