import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { actorOfPrincipal, workContextOf } from '../../../common/principal.js';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { Membership } from '../../domain/membership.entity.js';
import { Organization, slugify } from '../../domain/organization.entity.js';
import { TokenPermissionError } from '../../organizations.errors.js';
import { WebhookUrlHooks } from '../../webhook-url.hooks.js';
import { CreateOrganizationCommand } from './create-organization.command.js';

@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly webhookUrlHooks: WebhookUrlHooks,
  ) {}

  execute({ principal, profile }: CreateOrganizationCommand): Promise<{ id: string }> {
    if (principal.kind !== 'user') throw new TokenPermissionError('create organizations');
    return this.uow.run(async (tx) => {
      const organization = tx.track(await insertWithFreeSlug(tx.manager, profile, principal.userId));
      await tx.manager.insert(Membership, Membership.active(organization.id, principal.userId, 'owner'));
      if (organization.webhook_url)
        await this.webhookUrlHooks.run(tx, organization.id, organization.webhook_url, actorOfPrincipal(principal));
      return { id: organization.id };
    }, workContextOf(principal));
  }
}

/**
 * A bound never reached in practice: each round of creations racing for one name lets at least one
 * through, and at most a pool's worth of transactions per replica race at once.
 */
const MAX_TRIES = 100;

/**
 * Inserts the organization under the slug of its name, `base`, or `base-2`, `base-3`...: the
 * unique index on vanity_slug decides (`ON CONFLICT (vanity_slug) DO NOTHING`). A name whose slug is free, the
 * common case, is one statement; on a conflict the slugs taken under that base are read (a range
 * of the pattern index) and the first free one is tried, again until one holds, since another
 * creation may take it meanwhile. Creations only wait for one that inserted the same slug and has
 * not committed yet, and never hold a lock the other waits for (each inserts one organization),
 * so they cannot deadlock. This replaced an advisory lock on the name's root taken before every
 * insert, which serialized all creations of "Load 1", "Load 2"... behind one lock, and cost two
 * more statements on every creation.
 */
async function insertWithFreeSlug(
  manager: EntityManager,
  profile: CreateOrganizationCommand['profile'],
  ownerId: number,
): Promise<Organization> {
  const base = slugify(profile.name);
  let slug = base;
  for (let tries = 1; ; tries++) {
    const organization = Organization.create(profile, slug, ownerId);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Organization)
      .values(organization)
      // ON CONFLICT ("vanity_slug") DO NOTHING: any other conflict still fails the insert.
      .orUpdate([], ['vanity_slug'])
      .returning(['id'])
      .updateEntity(false)
      .execute();
    if ((inserted.raw as unknown[]).length === 1) return organization;
    if (tries >= MAX_TRIES) throw new Error(`No free slug for "${base}" after ${MAX_TRIES} tries`);
    slug = await firstFreeSlug(manager, base);
  }
}

async function firstFreeSlug(manager: EntityManager, base: string): Promise<string> {
  const rows: { vanity_slug: string }[] = await manager.query(
    'SELECT vanity_slug FROM organizations WHERE vanity_slug = $1 OR vanity_slug LIKE $2',
    [base, `${base}-%`],
  );
  const taken = new Set(rows.map((row) => row.vanity_slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
