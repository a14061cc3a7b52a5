import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { Organization, slugify } from '../../domain/organization.entity.js';
import { TokenPermissionError } from '../../organizations.errors.js';
import { CreateOrganizationCommand } from './create-organization.command.js';

@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ principal, profile }: CreateOrganizationCommand): Promise<{ id: string }> {
    if (principal.kind !== 'user') throw new TokenPermissionError('create organizations');
    return this.uow.run(async (tx) => {
      const slug = await freeSlug(tx.manager, slugify(profile.name));
      const organization = tx.track(Organization.create(profile, slug, principal.userId));
      await tx.manager.insert(Organization, organization);
      await tx.manager.insert(Membership, Membership.active(organization.id, principal.userId, 'owner'));
      return { id: organization.id };
    }, workContextOf(principal));
  }
}

/**
 * Picks `base`, or `base-2`, `base-3`... Creations whose slugs could collide queue on a transaction
 * advisory lock named by the base without its numeric suffix ("Acme" and "Acme 2" both lock
 * "acme"), so each sees the slugs the previous one committed.
 */
async function freeSlug(manager: EntityManager, base: string): Promise<string> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`organization-slug:${base.replace(/(-\d+)+$/, '')}`]);
  const rows: { vanity_slug: string }[] = await manager.query(
    'SELECT vanity_slug FROM organizations WHERE vanity_slug = $1 OR vanity_slug LIKE $2',
    [base, `${base}-%`],
  );
  const taken = new Set(rows.map((row) => row.vanity_slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
