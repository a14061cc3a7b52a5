import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pending membership is an invitation: it gets its own id, who sent it and when it expires.
 * Invitations waiting before this migration expire 14 days (the default INVITATION_TTL_DAYS)
 * after they were sent; who sent them is not known (null).
 */
export class Invitations1763800005000 implements MigrationInterface {
  name = 'Invitations1763800005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE memberships
        ADD COLUMN invitation_id uuid,
        ADD COLUMN invited_by integer REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN expires_at timestamptz`);
    await db.query(`
      UPDATE memberships SET invitation_id = gen_random_uuid(), expires_at = created_at + interval '14 days'
       WHERE status = 'pending'`);
    // Exactly the pending rows are invitations; activation clears both columns.
    await db.query(`
      ALTER TABLE memberships ADD CONSTRAINT memberships_invitation_ck CHECK (
        (status = 'pending' AND invitation_id IS NOT NULL AND expires_at IS NOT NULL)
        OR (status = 'active' AND invitation_id IS NULL AND expires_at IS NULL))`);
    await db.query(`CREATE UNIQUE INDEX memberships_invitation_uq ON memberships (invitation_id) WHERE invitation_id IS NOT NULL`);
    await db.query(`CREATE INDEX memberships_invitation_expiry_idx ON memberships (expires_at) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX memberships_invitation_expiry_idx`);
    await db.query(`DROP INDEX memberships_invitation_uq`);
    await db.query(`ALTER TABLE memberships DROP CONSTRAINT memberships_invitation_ck`);
    await db.query(`ALTER TABLE memberships DROP COLUMN expires_at, DROP COLUMN invited_by, DROP COLUMN invitation_id`);
  }
}
