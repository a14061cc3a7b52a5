import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthorizationTokens1763800002000 implements MigrationInterface {
  name = 'AuthorizationTokens1763800002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE authorization_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        token_hint varchar(4) NOT NULL,
        description varchar(500),
        read_enabled boolean NOT NULL DEFAULT true,
        write_enabled boolean NOT NULL DEFAULT false,
        delete_enabled boolean NOT NULL DEFAULT false,
        created_by integer REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX authorization_tokens_keyset_idx ON authorization_tokens (organization_id, created_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE authorization_tokens`);
  }
}
