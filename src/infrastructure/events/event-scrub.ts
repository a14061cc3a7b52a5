import type { EntityManager } from 'typeorm';

/**
 * Sets `fields` to null in the data of the stored events of `aggregateType` whose `match` field
 * is `value`, inside the caller's transaction; a field an event does not hold stays absent. Stored
 * events are served by the feed for EVENT_RETENTION_DAYS, delivered or not: for erasing a person's data.
 */
export async function scrubEventData(
  db: Pick<EntityManager, 'query'>,
  aggregateType: string,
  match: { field: string; value: string },
  fields: string[],
): Promise<void> {
  await db.query(
    `UPDATE events
        SET data = data || (SELECT coalesce(jsonb_object_agg(f, NULL::text), '{}'::jsonb) FROM unnest($4::text[]) AS f WHERE data ? f)
      WHERE aggregate_type = $1 AND data->>$2 = $3`,
    [aggregateType, match.field, match.value, fields],
  );
}
