import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id serial PRIMARY KEY,
        email varchar(320) UNIQUE,
        name varchar(200) NOT NULL,
        facebook_user_id varchar(64) UNIQUE,
        is_admin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        currency char(3),
        domain varchar(2048),
        website_url varchar(2048),
        webhook_url varchar(2048),
        contact_email varchar(320),
        legal_contact_email varchar(320),
        technical_contact_email varchar(320),
        support_email varchar(320),
        support_url varchar(2048),
        zip_or_postal_code varchar(32),
        organization_type varchar(200),
        bio text,
        twitter_url varchar(2048),
        facebook_url varchar(2048),
        linked_in_url varchar(2048),
        photo_url varchar(2048),
        address varchar(500),
        city varchar(200),
        state_or_province varchar(200),
        country varchar(200),
        vanity_slug varchar(240) NOT NULL UNIQUE,
        verified boolean NOT NULL DEFAULT false,
        verified_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX organizations_keyset_idx ON organizations (created_at, id)`);
    await db.query(`
      CREATE TABLE memberships (
        id serial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id integer REFERENCES users(id) ON DELETE CASCADE,
        email varchar(320),
        role varchar(10) NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
        status varchar(10) NOT NULL CHECK (status IN ('active', 'pending')),
        created_at timestamptz NOT NULL DEFAULT now(),
        joined_at timestamptz,
        CHECK (user_id IS NOT NULL OR email IS NOT NULL)
      )`);
    await db.query(`CREATE UNIQUE INDEX memberships_user_uq ON memberships (organization_id, user_id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX memberships_pending_email_uq ON memberships (organization_id, email) WHERE user_id IS NULL`);
    await db.query(`CREATE INDEX memberships_user_idx ON memberships (user_id, organization_id)`);
    await db.query(`CREATE INDEX memberships_pending_email_idx ON memberships (email) WHERE user_id IS NULL`);
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
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope char(64) NOT NULL,
        key varchar(255) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer,
        response_body text,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'outbox_messages', 'memberships', 'organizations', 'sessions', 'users']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
