import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every replica caches token → principal (src/auth/principal.cache.ts). These triggers tell all of
 * them, through NOTIFY on `entropy_principals`, the moment a cached answer may have changed, so no
 * code path (a handler, the CLI, a cascade, a hand-written UPDATE) can forget to. The payload is
 * the cache's key: a session's or token's `token_hash`, `user:<id>` for a user's admin flag, or
 * `*` (forget everything) after a TRUNCATE.
 *
 * NOTIFY takes a global lock at commit, so the triggers fire only when a column the principal is
 * built from changes (revocation, expiry, permissions, admin flag) — never on `last_used_at`.
 */
export class PrincipalInvalidation1763800030000 implements MigrationInterface {
  name = 'PrincipalInvalidation1763800030000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_principal_by_token_hash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('entropy_principals', OLD.token_hash);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION notify_principal_by_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('entropy_principals', 'user:' || OLD.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE FUNCTION notify_principals_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('entropy_principals', '*');
        RETURN NULL;
      END $$`);

    await db.query(`
      CREATE TRIGGER sessions_principal_changed
        AFTER UPDATE OF revoked_at, expires_at, user_id, token_hash ON sessions
        FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
              OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
        EXECUTE FUNCTION notify_principal_by_token_hash()`);
    await db.query(`
      CREATE TRIGGER sessions_principal_deleted AFTER DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION notify_principal_by_token_hash()`);

    await db.query(`
      CREATE TRIGGER authorization_tokens_principal_changed
        AFTER UPDATE OF revoked_at, expires_at, organization_id, read_enabled, write_enabled, delete_enabled, token_hash
          ON authorization_tokens
        FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
              OR OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.read_enabled IS DISTINCT FROM NEW.read_enabled
              OR OLD.write_enabled IS DISTINCT FROM NEW.write_enabled OR OLD.delete_enabled IS DISTINCT FROM NEW.delete_enabled
              OR OLD.token_hash IS DISTINCT FROM NEW.token_hash)
        EXECUTE FUNCTION notify_principal_by_token_hash()`);
    await db.query(`
      CREATE TRIGGER authorization_tokens_principal_deleted AFTER DELETE ON authorization_tokens
        FOR EACH ROW EXECUTE FUNCTION notify_principal_by_token_hash()`);

    // A deleted user's sessions go by ON DELETE CASCADE, which fires the sessions trigger.
    await db.query(`
      CREATE TRIGGER users_principal_changed AFTER UPDATE OF is_admin ON users
        FOR EACH ROW WHEN (OLD.is_admin IS DISTINCT FROM NEW.is_admin)
        EXECUTE FUNCTION notify_principal_by_user()`);

    for (const table of ['sessions', 'authorization_tokens', 'users']) {
      await db.query(
        `CREATE TRIGGER ${table}_principals_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_principals_flush()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['sessions_principal_changed', 'sessions'],
      ['sessions_principal_deleted', 'sessions'],
      ['authorization_tokens_principal_changed', 'authorization_tokens'],
      ['authorization_tokens_principal_deleted', 'authorization_tokens'],
      ['users_principal_changed', 'users'],
      ['sessions_principals_truncated', 'sessions'],
      ['authorization_tokens_principals_truncated', 'authorization_tokens'],
      ['users_principals_truncated', 'users'],
    ]) {
      await db.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const fn of ['notify_principal_by_token_hash', 'notify_principal_by_user', 'notify_principals_flush'])
      await db.query(`DROP FUNCTION ${fn}()`);
  }
}
