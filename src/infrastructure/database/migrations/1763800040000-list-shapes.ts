import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which counted lists a row of each table belongs to: `list`, `owner_key`, as SQL over the row's columns. */
const COUNTED: { table: string; columns: string; lists: string }[] = [
  { table: 'organizations', columns: 'id', lists: `SELECT 'organizations', ''` },
  {
    table: 'memberships',
    columns: 'status, user_id, organization_id',
    lists: `SELECT 'user_organizations', user_id::text WHERE status = 'active' AND user_id IS NOT NULL
            UNION ALL SELECT 'organization_members', organization_id::text WHERE status = 'active'
            UNION ALL SELECT 'organization_pending', organization_id::text WHERE status = 'pending'`,
  },
  { table: 'credentials', columns: 'organization_id', lists: `SELECT 'credentials', organization_id::text` },
  {
    table: 'authorization_tokens',
    columns: 'organization_id, revoked_at',
    lists: `SELECT 'tokens', organization_id::text WHERE revoked_at IS NULL`,
  },
];

/**
 * The shapes every list needs to cost the same on its first and its deepest page whatever the
 * table sizes (see the README's "Cost growth"):
 * - a keyset index per list, in the list's own order: the user's organizations are ordered by the
 *   organization's creation, so a membership carries that (immutable) timestamp, filled by a trigger;
 * - `list_counts`: the exact size of each list behind `X-Total-Count`, maintained by statement
 *   triggers in the transaction that changes the rows (so exact, and a few rows to sum instead of
 *   a scan of the whole list). Each key is split over 16 slots chosen by the backend, so
 *   concurrent transactions on one key (one user creating organizations in parallel) rarely wait
 *   on one row; a slot that returns to zero is deleted;
 * - the slug check's `LIKE 'base-%'` needs a pattern-ops index: the database's C.UTF-8 collation
 *   is not "C", so the plain unique index cannot serve a prefix match.
 */
export class ListShapes1763800040000 implements MigrationInterface {
  name = 'ListShapes1763800040000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX organizations_slug_pattern_idx ON organizations (vanity_slug varchar_pattern_ops)`);
    await db.query(`CREATE INDEX memberships_org_keyset_idx ON memberships (organization_id, id)`);
    await db.query(`CREATE INDEX memberships_invitations_keyset_idx ON memberships (organization_id, id) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX memberships_org_expiry_idx ON memberships (organization_id, expires_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX credentials_org_keyset_idx ON credentials (organization_id, id)`);

    await db.query(`ALTER TABLE memberships ADD COLUMN organization_created_at timestamptz`);
    await db.query(`UPDATE memberships m SET organization_created_at = o.created_at FROM organizations o WHERE o.id = m.organization_id`);
    await db.query(`ALTER TABLE memberships ALTER COLUMN organization_created_at SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION memberships_organization_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT created_at INTO NEW.organization_created_at FROM organizations WHERE id = NEW.organization_id;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER memberships_organization_created_at BEFORE INSERT ON memberships
        FOR EACH ROW EXECUTE FUNCTION memberships_organization_created_at()`);
    await db.query(
      `CREATE INDEX memberships_user_keyset_idx ON memberships (user_id, organization_created_at, organization_id) WHERE status = 'active'`,
    );

    await db.query(`
      CREATE TABLE list_counts (
        list varchar(32) NOT NULL,
        owner_key varchar(64) NOT NULL,
        slot smallint NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (list, owner_key, slot)
      )`);
    await db.query(`
      CREATE FUNCTION list_counts_add(p_list text, p_key text, p_delta bigint) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        s smallint := pg_backend_pid() % 16;
        total bigint;
      BEGIN
        INSERT INTO list_counts (list, owner_key, slot, n) VALUES (p_list, p_key, s, p_delta)
          ON CONFLICT (list, owner_key, slot) DO UPDATE SET n = list_counts.n + EXCLUDED.n
          RETURNING n INTO total;
        IF total = 0 THEN
          DELETE FROM list_counts WHERE list = p_list AND owner_key = p_key AND slot = s;
        END IF;
      END $$`);
    for (const { table, columns, lists } of COUNTED) {
      const args = columns.split(', ');
      await db.query(`
        CREATE FUNCTION ${table}_lists(${args.map((a) => `${a} ${columnType(a)}`).join(', ')}) RETURNS TABLE (list text, owner_key text)
          LANGUAGE sql IMMUTABLE AS $$ ${lists} $$`);
      const deltas = (rows: string, sign: number) =>
        `SELECT k.list, k.owner_key, ${sign} AS delta FROM ${rows} x, LATERAL ${table}_lists(${args.map((a) => `x.${a}`).join(', ')}) k`;
      for (const [op, union] of [
        ['INSERT', deltas('new_rows', 1)],
        ['DELETE', deltas('old_rows', -1)],
        ['UPDATE', `${deltas('new_rows', 1)} UNION ALL ${deltas('old_rows', -1)}`],
      ]) {
        const referencing =
          op === 'INSERT'
            ? 'NEW TABLE AS new_rows'
            : op === 'DELETE'
              ? 'OLD TABLE AS old_rows'
              : 'NEW TABLE AS new_rows OLD TABLE AS old_rows';
        await db.query(`
          CREATE FUNCTION ${table}_count_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
          DECLARE c record;
          BEGIN
            -- In key order, so two transactions touching the same keys take their slots in one order.
            FOR c IN SELECT d.list, d.owner_key, sum(d.delta) AS delta FROM (${union}) d GROUP BY 1, 2 HAVING sum(d.delta) <> 0 ORDER BY 1, 2 LOOP
              PERFORM list_counts_add(c.list, c.owner_key, c.delta);
            END LOOP;
            RETURN NULL;
          END $$`);
        await db.query(`
          CREATE TRIGGER ${table}_count_${op.toLowerCase()} AFTER ${op} ON ${table}
            REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_count_${op.toLowerCase()}()`);
      }
      await db.query(`
        INSERT INTO list_counts (list, owner_key, slot, n)
        SELECT k.list, k.owner_key, 0, count(*) FROM ${table} r, LATERAL ${table}_lists(${args.map((a) => `r.${a}`).join(', ')}) k GROUP BY 1, 2`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const { table, columns } of [...COUNTED].reverse()) {
      for (const op of ['insert', 'update', 'delete']) {
        await db.query(`DROP TRIGGER ${table}_count_${op} ON ${table}`);
        await db.query(`DROP FUNCTION ${table}_count_${op}()`);
      }
      await db.query(`DROP FUNCTION ${table}_lists(${columns.split(', ').map(columnType).join(', ')})`);
    }
    await db.query(`DROP FUNCTION list_counts_add(text, text, bigint)`);
    await db.query(`DROP TABLE list_counts`);
    await db.query(`DROP INDEX memberships_user_keyset_idx`);
    await db.query(`DROP TRIGGER memberships_organization_created_at ON memberships`);
    await db.query(`DROP FUNCTION memberships_organization_created_at()`);
    await db.query(`ALTER TABLE memberships DROP COLUMN organization_created_at`);
    for (const index of [
      'credentials_org_keyset_idx',
      'memberships_org_expiry_idx',
      'memberships_invitations_keyset_idx',
      'memberships_org_keyset_idx',
      'organizations_slug_pattern_idx',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
  }
}

function columnType(column: string): string {
  return { id: 'uuid', organization_id: 'uuid', user_id: 'integer', status: 'varchar', revoked_at: 'timestamptz' }[column]!;
}
