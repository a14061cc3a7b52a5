import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer webhooks: endpoints (at most 10 per organization, one of them the `webhook_url`
 * primary), their signing secrets (sealed with the SecretBox; two live during a rotation), and one
 * delivery row per (event, endpoint) created by the fan-out from committed events.
 */
export class Webhooks1763800020000 implements MigrationInterface {
  name = 'Webhooks1763800020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        is_primary boolean NOT NULL DEFAULT false,
        -- Events with a sequence above this one are delivered to the endpoint (those committed after its creation).
        start_sequence bigint NOT NULL,
        -- Since when every attempt failed; 5 days of that disables the endpoint.
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhook_endpoints_organization_idx ON webhook_endpoints (organization_id, created_at, id)`);
    await db.query(`CREATE UNIQUE INDEX webhook_endpoints_primary_idx ON webhook_endpoints (organization_id) WHERE is_primary`);
    await db.query(`
      CREATE TABLE webhook_secrets (
        id serial PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        encrypted_secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Set on the previous secret by a rotation: it keeps signing until then.
        expires_at timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_secrets_endpoint_idx ON webhook_secrets (endpoint_id)`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL,
        -- events.id (no foreign key: retention may delete old events), or a ping's own id.
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        -- The event's commit sequence (delivery order per endpoint); null for a ping, which goes first.
        sequence bigint,
        -- The body of a ping (pings are not in the event log); null: built from the event.
        payload text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        -- A sender holds the delivery until then; after a crash another one takes it.
        lease_until timestamptz,
        last_status_code integer,
        last_error text,
        last_duration_ms integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (event_id, endpoint_id)
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, sequence) WHERE status = 'pending'`);
    // The fan-out's position in the event log: every event up to it has its delivery rows.
    await db.query(`CREATE TABLE webhook_fanout (id integer PRIMARY KEY CHECK (id = 1), last_sequence bigint NOT NULL)`);
    await db.query(`INSERT INTO webhook_fanout (id, last_sequence) SELECT 1, coalesce(max(sequence), 0) FROM events`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_fanout`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_secrets`);
    await db.query(`DROP TABLE webhook_endpoints`);
  }
}
