import { DomainEvent } from '../../../infrastructure/outbox/domain-event.js';

/** Never carries the token or its hash. */
export class AuthorizationTokenIssuedEvent extends DomainEvent {
  readonly eventName = 'AuthorizationTokenIssued';
  readonly aggregateType = 'AuthorizationToken';

  constructor(
    readonly aggregateId: string,
    readonly organizationId: string,
    readonly readEnabled: boolean,
    readonly writeEnabled: boolean,
    readonly deleteEnabled: boolean,
    readonly expiresAt: Date | null,
    readonly issuedBy: number,
  ) {
    super();
  }
}
