import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthStates1763800001000 implements MigrationInterface {
  name = 'OAuthStates1763800001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oauth_states (
        state_hash char(64) PRIMARY KEY,
        purpose varchar(16) NOT NULL CHECK (purpose IN ('login', 'link')),
        binding jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query('CREATE INDEX oauth_states_expiry_idx ON oauth_states (expires_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE oauth_states');
  }
}
