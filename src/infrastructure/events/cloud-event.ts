import { CloudEvent } from 'cloudevents';

export const EVENT_TYPE_PREFIX = 'tech.entropy.';

/** Who caused an event: a signed-in user, an organization authorization token, or the service itself. */
export type Actor = { type: 'user'; id: number } | { type: 'token'; id: string } | { type: 'system'; id: string };

/** One row of the `events` table (the event log), camelCase. */
export interface StoredEvent {
  /** The event's UUID: the CloudEvents `id`, the same on every delivery. */
  id: string;
  /** The CloudEvents type, e.g. `tech.entropy.credential.linked`. */
  type: string;
  /** Null for user events (their source is `/v1/users/{id}`). */
  organizationId: string | null;
  aggregateType: string;
  aggregateId: string;
  /** e.g. `credentials/7`, `members/3`, `organizations/<id>`. */
  subject: string | null;
  data: Record<string, unknown>;
  dataVersion: number;
  actor: Actor | null;
  correlationId: string | null;
  recordedAt: Date;
  /** Commit order for the whole service; null until the EventSequencer stamped the committed row. */
  sequence: string | null;
  /** When the sequencer saw the row committed (database clock): the envelope's `time`. */
  committedAt: Date | null;
  /** When the broker confirmed it; null while undelivered. */
  publishedAt: Date | null;
  publishAttempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** Parked after too many failed publish attempts. */
  deadAt: Date | null;
}

/** The structured-mode JSON of one event, exactly the contract's fields in the contract's order. */
export interface CloudEventJson {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  organizationid?: string;
  sequence: string;
  data: Record<string, unknown>;
}

/** `tech.entropy.credential.linked` → `credential.linked` (the RabbitMQ routing key, the feed's `type` filter). */
export function routingKey(type: string): string {
  return type.startsWith(EVENT_TYPE_PREFIX) ? type.slice(EVENT_TYPE_PREFIX.length) : type;
}

/** The contract's `sequence`: a 20-digit zero-padded decimal (bigint fits), so it also sorts as text. */
export function formatSequence(sequence: string | bigint | number): string {
  return String(sequence).padStart(20, '0');
}

/** The event's CloudEvents `source`: its organization, or the user for user events. */
export function eventSource(row: Pick<StoredEvent, 'organizationId' | 'aggregateId'>, publicUrl: string): string {
  return row.organizationId ? `${publicUrl}/v1/organizations/${row.organizationId}` : `${publicUrl}/v1/users/${row.aggregateId}`;
}

/**
 * The CloudEvent of a stamped row, validated by the `cloudevents` SDK (which throws on an invalid
 * event). Only stamped rows have a sequence and a commit time: an unstamped row is refused.
 */
export function toCloudEvent(row: StoredEvent, publicUrl: string): CloudEventJson {
  if (row.sequence === null || row.committedAt === null) {
    throw new Error(`event ${row.id} has not been stamped with its commit sequence yet`);
  }
  if (!row.id) throw new Error('an event needs its own id'); // the SDK would silently invent one
  const json: CloudEventJson = {
    specversion: '1.0',
    id: row.id,
    source: eventSource(row, publicUrl),
    type: row.type,
    ...(row.subject ? { subject: row.subject } : {}),
    time: new Date(row.committedAt).toISOString(),
    datacontenttype: 'application/json',
    dataschema: `${publicUrl}/v1/events/schemas/${routingKey(row.type)}/${row.dataVersion}`,
    ...(row.organizationId ? { organizationid: row.organizationId } : {}),
    sequence: formatSequence(row.sequence),
    data: row.data,
  };
  new CloudEvent<Record<string, unknown>>({ ...json }, true);
  return json;
}
