import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../infrastructure/database/postgres-errors.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { Organization, slugify } from '../../domain/organization.entity.js';
import { TokenPermissionError } from '../../organizations.errors.js';
import { CreateOrganizationCommand } from './create-organization.command.js';

const SLUG_ATTEMPTS = 3;

@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ principal, body }: CreateOrganizationCommand): Promise<{ id: string }> {
    if (principal.kind !== 'user') throw new TokenPermissionError('create organizations');
    // Two creations may pick the same free slug; the unique index decides and the loser retries.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.uow.run(async (tx) => {
          const slug = await freeSlug(tx.manager, slugify(body.name));
          const organization = tx.track(Organization.create(body, slug, principal.userId));
          await tx.manager.insert(Organization, organization);
          await tx.manager.insert(Membership, Membership.active(organization.id, principal.userId, 'owner'));
          return { id: organization.id };
        });
      } catch (error) {
        if (attempt >= SLUG_ATTEMPTS || !isUniqueViolation(error)) throw error;
      }
    }
  }
}

async function freeSlug(manager: EntityManager, base: string): Promise<string> {
  const rows: { vanity_slug: string }[] = await manager.query(
    'SELECT vanity_slug FROM organizations WHERE vanity_slug = $1 OR vanity_slug LIKE $2',
    [base, `${base}-%`],
  );
  const taken = new Set(rows.map((row) => row.vanity_slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
