import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../common/principal.js';

export class RevokeTokenCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly tokenId: string,
  ) {
    super();
  }
}
