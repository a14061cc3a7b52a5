import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';

export class RemoveMemberCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly userId: number,
  ) {
    super();
  }
}
