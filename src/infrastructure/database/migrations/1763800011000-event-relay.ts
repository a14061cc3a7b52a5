import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the RabbitMQ relay, so its claim and /health/ready stay cheap with a large backlog:
 * the events backing off after a broker refusal (which hold their organization's later events
 * back), and the parked (dead) ones.
 */
export class EventRelay1763800011000 implements MigrationInterface {
  name = 'EventRelay1763800011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX events_backing_off_idx ON events (organization_id, sequence)
        WHERE next_attempt_at IS NOT NULL AND published_at IS NULL AND dead_at IS NULL`,
    );
    await db.query(`CREATE INDEX events_dead_idx ON events (dead_at) WHERE dead_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_dead_idx`);
    await db.query(`DROP INDEX events_backing_off_idx`);
  }
}
