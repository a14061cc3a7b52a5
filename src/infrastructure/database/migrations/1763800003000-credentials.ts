import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Credentials1763800003000 implements MigrationInterface {
  name = 'Credentials1763800003000';

  async up(db: QueryRunner): Promise<void> {
    // Unlinked credentials are deleted, not kept: after unlinking, all a row would still hold is
    // personal data we no longer need (the events keep the history).
    await db.query(`
      CREATE TABLE credentials (
        id serial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        facebook_user_id varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('active', 'expired', 'revoked')),
        scopes text[] NOT NULL DEFAULT '{}',
        encrypted_token text,
        expires_at timestamptz,
        checked_at timestamptz,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT credentials_account_uq UNIQUE (organization_id, facebook_user_id)
      )`);
    await db.query('CREATE INDEX credentials_facebook_user_idx ON credentials (facebook_user_id)');
    await db.query(`CREATE INDEX credentials_expiry_idx ON credentials (expires_at) WHERE status = 'active'`);
    await db.query(`CREATE INDEX credentials_check_idx ON credentials (checked_at NULLS FIRST) WHERE status = 'active'`);

    // Revocations at Facebook still to do (or done), decoupled from the credential row, which is gone by then.
    await db.query(`
      CREATE TABLE facebook_revocations (
        id serial PRIMARY KEY,
        facebook_user_id varchar(64) NOT NULL,
        encrypted_token text,
        status varchar(10) NOT NULL CHECK (status IN ('pending', 'done', 'rejected', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`);
    await db.query(`CREATE INDEX facebook_revocations_due_idx ON facebook_revocations (next_attempt_at) WHERE status = 'pending'`);
    await db.query('CREATE INDEX facebook_revocations_user_idx ON facebook_revocations (facebook_user_id)');

    // Facebook's data deletion requests: the user is kept only as a hash, the point being to forget them.
    await db.query(`
      CREATE TABLE facebook_data_deletions (
        confirmation_code varchar(64) PRIMARY KEY,
        facebook_user_hash char(64) NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('completed')),
        credentials_erased integer NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['facebook_data_deletions', 'facebook_revocations', 'credentials']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
