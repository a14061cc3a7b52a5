import { randomUUID } from 'node:crypto';
import type { IEvent } from '@nestjs/cqrs';

/**
 * Base of every domain event: published in-process on the CQRS EventBus after the commit and
 * written to the event log (`events`) in the same transaction as the change.
 *
 * What leaves the process is only what `toData()` returns: an explicit snake_case object whose
 * shape is versioned by `dataVersion` (the CloudEvents `dataschema` ends in `/<dataVersion>`).
 * Change a shape incompatibly → bump the version. Never put a token, a secret, an OAuth code or
 * state in it, nor personal data the organization could not read through the API (no email in
 * member events; a Facebook id only in that organization's credential events).
 *
 * Adding an event: a class with its contract `type` (`tech.entropy.<routing key>`), its
 * `organizationId` (null for user events), `subject` and `toData()`; see the README catalogue.
 */
export abstract class DomainEvent implements IEvent {
  readonly eventId: string = randomUUID();
  readonly occurredAt: Date = new Date();
  /** The in-process name, e.g. `OrganizationCreated`. */
  abstract readonly eventName: string;
  /** The CloudEvents type from the contract's catalogue, e.g. `tech.entropy.organization.created`. */
  abstract readonly type: string;
  readonly dataVersion: number = 1;
  abstract readonly aggregateType: string;
  abstract readonly aggregateId: string;
  /** The organization the event belongs to (its feed, its `source`); null for user events. */
  abstract readonly organizationId: string | null;
  /** The resource inside the source, e.g. `credentials/7`; null when the source is the resource itself. */
  abstract readonly subject: string | null;
  /** The event's `data`, version `dataVersion`. Read at write time (after the change was saved, so generated ids are known). */
  abstract toData(): Record<string, unknown>;
}
