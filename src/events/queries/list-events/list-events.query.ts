import type { Principal } from '../../../common/principal.js';
import { OrganizationPageQuery } from '../../../organizations/organization-page.query.js';
import type { CloudEventJson } from '../../../infrastructure/events/cloud-event.js';

export class ListEventsQuery extends OrganizationPageQuery<CloudEventJson> {
  constructor(
    principal: Principal,
    organizationId: string,
    per: number,
    cursor: string | undefined,
    /** Only events after this sequence (decimal text). */
    readonly after: string | undefined,
    /** Routing keys, e.g. `credential.linked`; empty = every type. */
    readonly types: string[],
  ) {
    super(principal, organizationId, per, cursor);
  }
}
