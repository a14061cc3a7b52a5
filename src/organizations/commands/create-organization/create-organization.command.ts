import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';
import type { CreateOrganizationRequestDto } from './create-organization.request.dto.js';

export class CreateOrganizationCommand extends Command<{ id: string }> {
  constructor(
    readonly principal: Principal,
    readonly body: CreateOrganizationRequestDto,
  ) {
    super();
  }
}
