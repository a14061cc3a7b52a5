import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { ProfileField } from '../../domain/organization.entity.js';

/** The new organization's name and profile fields (absent or null: not set). */
export type NewOrganization = Partial<Record<ProfileField, string | null>> & { name: string };

export class CreateOrganizationCommand extends Command<{ id: string }> {
  constructor(
    readonly principal: Principal,
    readonly profile: NewOrganization,
  ) {
    super();
  }
}
