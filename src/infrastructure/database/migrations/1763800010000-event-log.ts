import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The write-only outbox becomes the event log: one row per event with its CloudEvents type, its
 * organization, an explicit versioned `data`, and a commit-ordered `sequence` stamped after the
 * commit by the EventSequencer (an id taken at insert time is not commit order).
 *
 * Existing rows are converted to the v1 data shapes (snake_case; what the old payload did not hold
 * is looked up where it still exists, otherwise null), numbered in id order, and marked as already
 * delivered to the broker so that a first relay does not publish the whole history.
 */
export class EventLog1763800010000 implements MigrationInterface {
  name = 'EventLog1763800010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE events_sequence_seq AS bigint`);
    await db.query(`CREATE SEQUENCE events_insert_order_seq AS bigint`);
    await db.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        organization_id uuid,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        subject text,
        data jsonb NOT NULL,
        data_version integer NOT NULL,
        actor jsonb,
        correlation_id text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        sequence bigint UNIQUE,
        committed_at timestamptz,
        published_at timestamptz,
        publish_attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        dead_at timestamptz,
        -- Insertion order, only to number one transaction's events (and conflicting writers') in
        -- the order they were written; never exposed: commit order is the sequence.
        insert_order bigint NOT NULL DEFAULT nextval('events_insert_order_seq'),
        CHECK ((sequence IS NULL) = (committed_at IS NULL))
      )`);
    // The feed: one organization's events in commit order.
    await db.query(`CREATE INDEX events_organization_sequence_idx ON events (organization_id, sequence)`);
    // The sequencer's work list: committed rows still waiting for their number.
    await db.query(`CREATE INDEX events_unstamped_idx ON events (insert_order) WHERE sequence IS NULL`);
    // The relay's work list: numbered, not yet delivered to the broker, not parked.
    await db.query(
      `CREATE INDEX events_undelivered_idx ON events (sequence) WHERE sequence IS NOT NULL AND published_at IS NULL AND dead_at IS NULL`,
    );
    // Retention deletes delivered rows by age.
    await db.query(`CREATE INDEX events_committed_at_idx ON events (committed_at)`);

    await db.query(`
      WITH src AS (
        SELECT o.id AS old_id, o.event_id, o.event_type, o.aggregate_type, o.aggregate_id, o.payload AS p, o.occurred_at
        FROM outbox_messages o
      ),
      converted AS (
        SELECT src.*,
          CASE src.event_type
            WHEN 'OrganizationCreated' THEN 'organization.created'
            WHEN 'OrganizationUpdated' THEN 'organization.updated'
            WHEN 'OrganizationDeleted' THEN 'organization.deleted'
            WHEN 'MemberAdded' THEN 'member.added'
            WHEN 'MemberRoleChanged' THEN 'member.role_changed'
            WHEN 'MemberRemoved' THEN 'member.removed'
            WHEN 'CredentialLinked' THEN 'credential.linked'
            WHEN 'CredentialRelinked' THEN 'credential.relinked'
            WHEN 'CredentialUnlinked' THEN 'credential.unlinked'
            WHEN 'CredentialRevoked' THEN 'credential.revoked'
            WHEN 'CredentialExpired' THEN 'credential.expired'
            WHEN 'AuthorizationTokenIssued' THEN 'authorization_token.issued'
            WHEN 'AuthorizationTokenRevoked' THEN 'authorization_token.revoked'
            WHEN 'UserSignedUp' THEN 'user.signed_up'
            ELSE lower(regexp_replace(src.event_type, '([a-z])([A-Z])', '\\1_\\2', 'g'))
          END AS routing_key,
          CASE
            WHEN src.aggregate_type = 'Organization' THEN src.aggregate_id::uuid
            WHEN src.aggregate_type = 'User' THEN NULL
            ELSE (src.p->>'organizationId')::uuid
          END AS organization_id
        FROM src
      ),
      shaped AS (
        SELECT c.*,
          CASE c.event_type
            WHEN 'OrganizationCreated' THEN jsonb_build_object(
              'organization_id', c.aggregate_id, 'name', c.p->'name',
              'created_by', jsonb_build_object('type', 'user', 'id', c.p->'ownerId'))
            WHEN 'OrganizationUpdated' THEN jsonb_build_object(
              'organization_id', c.aggregate_id, 'changed_fields', COALESCE(c.p->'changedFields', '[]'::jsonb),
              'version', c.p->'version')
            WHEN 'OrganizationDeleted' THEN jsonb_build_object(
              'organization_id', c.aggregate_id, 'name', c.p->'name')
            WHEN 'MemberAdded' THEN jsonb_build_object(
              'membership_id', (SELECT m.id FROM memberships m WHERE m.organization_id = c.organization_id
                                 AND (m.user_id = (c.p->>'userId')::int OR (c.p->>'userId' IS NULL AND m.email = c.p->>'email'))
                                 ORDER BY m.id LIMIT 1),
              'user_id', c.p->'userId', 'role', c.p->'role', 'status', c.p->'status',
              'added_by', jsonb_build_object('type', 'user', 'id', c.p->'addedBy'))
            WHEN 'MemberRoleChanged' THEN jsonb_build_object(
              'membership_id', (SELECT m.id FROM memberships m WHERE m.organization_id = c.organization_id
                                 AND m.user_id = (c.p->>'userId')::int LIMIT 1),
              'user_id', c.p->'userId', 'previous_role', c.p->'from', 'role', c.p->'to',
              'changed_by', jsonb_build_object('type', 'user', 'id', c.p->'changedBy'))
            WHEN 'MemberRemoved' THEN jsonb_build_object(
              'membership_id', NULL, 'user_id', c.p->'userId', 'role', c.p->'role', 'left', c.p->'left',
              'removed_by', jsonb_build_object('type', 'user', 'id', c.p->'removedBy'))
            WHEN 'CredentialLinked' THEN jsonb_build_object(
              'credential_id', c.aggregate_id::int,
              'name', (SELECT cr.name FROM credentials cr WHERE cr.id = c.aggregate_id::int),
              'facebook_user_id', c.p->'facebookUserId', 'scopes', COALESCE(c.p->'scopes', '[]'::jsonb), 'expires_at', c.p->'expiresAt',
              'linked_by', CASE WHEN c.p->>'linkedBy' LIKE 'user:%'
                             THEN jsonb_build_object('type', 'user', 'id', split_part(c.p->>'linkedBy', ':', 2)::int)
                           WHEN c.p->>'linkedBy' LIKE 'token:%'
                             THEN jsonb_build_object('type', 'token', 'id', split_part(c.p->>'linkedBy', ':', 2))
                           END)
            WHEN 'CredentialRelinked' THEN jsonb_build_object(
              'credential_id', c.aggregate_id::int,
              'name', (SELECT cr.name FROM credentials cr WHERE cr.id = c.aggregate_id::int),
              'facebook_user_id', c.p->'facebookUserId', 'scopes', COALESCE(c.p->'scopes', '[]'::jsonb), 'expires_at', c.p->'expiresAt',
              'previous_status', c.p->'previousStatus')
            WHEN 'CredentialUnlinked' THEN jsonb_build_object(
              'credential_id', c.aggregate_id::int, 'facebook_user_id', c.p->'facebookUserId', 'reason', c.p->'reason')
            WHEN 'CredentialRevoked' THEN jsonb_build_object(
              'credential_id', c.aggregate_id::int, 'facebook_user_id', c.p->'facebookUserId', 'reason', c.p->'reason')
            WHEN 'CredentialExpired' THEN jsonb_build_object(
              'credential_id', c.aggregate_id::int, 'facebook_user_id', c.p->'facebookUserId', 'reason', c.p->'reason')
            WHEN 'AuthorizationTokenIssued' THEN jsonb_build_object(
              'token_id', c.aggregate_id, 'read_enabled', c.p->'readEnabled', 'write_enabled', c.p->'writeEnabled',
              'delete_enabled', c.p->'deleteEnabled', 'expires_at', c.p->'expiresAt',
              'issued_by', jsonb_build_object('type', 'user', 'id', c.p->'issuedBy'))
            WHEN 'AuthorizationTokenRevoked' THEN jsonb_build_object(
              'token_id', c.aggregate_id, 'reason', c.p->'reason',
              'revoked_by', CASE WHEN c.p->'revokedBy' IS NULL OR c.p->'revokedBy' = 'null'::jsonb THEN NULL
                            ELSE jsonb_build_object('type', 'user', 'id', c.p->'revokedBy') END)
            WHEN 'UserSignedUp' THEN jsonb_build_object('user_id', c.aggregate_id::int, 'via', c.p->'via')
            ELSE c.p
          END AS data,
          CASE
            WHEN c.aggregate_type = 'Organization' AND c.event_type LIKE 'Member%' THEN
              CASE WHEN c.p->>'userId' IS NOT NULL THEN 'members/' || (c.p->>'userId') END
            WHEN c.aggregate_type = 'Organization' THEN 'organizations/' || c.aggregate_id
            WHEN c.aggregate_type = 'Credential' THEN 'credentials/' || c.aggregate_id
            WHEN c.aggregate_type = 'AuthorizationToken' THEN 'authorization_tokens/' || c.aggregate_id
          END AS subject
        FROM converted c
      )
      INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, subject, data, data_version,
                          recorded_at, sequence, committed_at, published_at)
      SELECT s.event_id, 'tech.entropy.' || s.routing_key, s.organization_id, s.aggregate_type, s.aggregate_id,
             COALESCE(s.subject, CASE WHEN s.event_type LIKE 'Member%' AND s.data->>'membership_id' IS NOT NULL
                                      THEN 'invitations/' || (s.data->>'membership_id') END),
             s.data, 1, s.occurred_at, nextval('events_sequence_seq'), s.occurred_at, now()
      FROM (SELECT * FROM shaped ORDER BY old_id) s`);
    await db.query(`DROP TABLE outbox_messages`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The old table is restored empty: its camelCase payloads cannot be rebuilt from v1 data.
    await db.query(`
      CREATE TABLE outbox_messages (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        event_type varchar(100) NOT NULL,
        aggregate_type varchar(100) NOT NULL,
        aggregate_id varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_unpublished_idx ON outbox_messages (id) WHERE published_at IS NULL`);
    await db.query(`DROP TABLE events`);
    await db.query(`DROP SEQUENCE events_sequence_seq`);
    await db.query(`DROP SEQUENCE events_insert_order_seq`);
  }
}
