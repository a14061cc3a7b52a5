import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the RabbitMQ relay. Indexes keep its claim and /health/ready cheap with a large backlog: the
 * events backing off after a broker refusal (which hold their organization's later events back),
 * and the parked (dead) ones. A statement trigger NOTIFYs when the sequencer stamps events, so the
 * relay wakes at once whichever replica stamped them. Only the stamping transactions (already one
 * at a time under the sequencer's lock) notify: the writers' commits never take NOTIFY's global lock.
 */
export class EventRelay1763800011000 implements MigrationInterface {
  name = 'EventRelay1763800011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX events_backing_off_idx ON events (organization_id, sequence)
        WHERE next_attempt_at IS NOT NULL AND published_at IS NULL AND dead_at IS NULL`,
    );
    await db.query(`CREATE INDEX events_dead_idx ON events (dead_at) WHERE dead_at IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION events_notify_stamped() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('entropy_events_stamped', '');
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER events_stamped AFTER UPDATE OF sequence ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify_stamped()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER events_stamped ON events`);
    await db.query(`DROP FUNCTION events_notify_stamped()`);
    await db.query(`DROP INDEX events_dead_idx`);
    await db.query(`DROP INDEX events_backing_off_idx`);
  }
}
