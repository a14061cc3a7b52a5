import { Query } from '@nestjs/cqrs';
import type { Principal } from '../common/principal.js';
import type { Page } from '../infrastructure/http/paging.js';

/** A page of something that belongs to one organization (members, tokens, credentials). */
export abstract class OrganizationPageQuery<T> extends Query<Page<T>> {
  constructor(
    readonly principal: Principal,
    readonly organizationId: string,
    readonly per: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
