import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/infrastructure/database/data-source.options.js';
import { migrate } from '../../src/infrastructure/database/migration-runner.js';
import { Invitations1763800005000 } from '../../src/infrastructure/database/migrations/1763800005000-invitations.js';
import { createTestDatabase, NEEDS_POSTGRES } from '../support/test-app.js';

test('two processes migrating the same empty database at once apply each migration exactly once', { skip: NEEDS_POSTGRES }, async () => {
  const database = await createTestDatabase('postgres');
  const sources = [0, 1, 2].map(
    () => new DataSource({ type: 'postgres', url: database.env.DATABASE_URL, migrations: MIGRATIONS, migrationsTableName: 'schema_migrations' }),
  );
  try {
    await Promise.all(sources.map((s) => s.initialize()));
    const applied = await Promise.all(sources.map((s) => migrate(s)));
    assert.deepEqual(applied.flat(), MIGRATIONS.map((m) => m.name));
    const rows = await sources[0].query('SELECT name FROM schema_migrations');
    assert.equal(rows.length, MIGRATIONS.length);
  } finally {
    await Promise.all(sources.map((s) => s.destroy()));
    await database.drop();
  }
});

test('the invitations migration gives waiting invitations an id and an expiry, and is reversible', { skip: NEEDS_POSTGRES }, async () => {
  const database = await createTestDatabase('postgres');
  const at = MIGRATIONS.indexOf(Invitations1763800005000);
  const source = (migrations: typeof MIGRATIONS) =>
    new DataSource({ type: 'postgres', url: database.env.DATABASE_URL, migrations, migrationsTableName: 'schema_migrations' });
  const before = source(MIGRATIONS.slice(0, at));
  const after = source(MIGRATIONS.slice(0, at + 1));
  try {
    await before.initialize();
    await migrate(before);
    const [{ id: org }] = await before.query(`INSERT INTO organizations (name, vanity_slug) VALUES ('Old', 'old') RETURNING id`);
    const [{ id: user }] = await before.query(`INSERT INTO users (email, name) VALUES ('in@example.com', 'In') RETURNING id`);
    await before.query(
      `INSERT INTO memberships (organization_id, user_id, role, status, joined_at) VALUES ($1, $2, 'owner', 'active', now())`,
      [org, user],
    );
    await before.query(
      `INSERT INTO memberships (organization_id, email, role, status, created_at) VALUES ($1, 'a@example.com', 'admin', 'pending', '2026-01-01T00:00:00Z'), ($1, 'b@example.com', 'member', 'pending', now())`,
      [org],
    );
    await after.initialize();
    assert.deepEqual(await migrate(after), ['Invitations1763800005000']);
    const rows = await after.query(`SELECT email, status, invitation_id, invited_by, expires_at, created_at FROM memberships ORDER BY id`);
    assert.deepEqual(rows.map((r: { invitation_id: string | null; expires_at: Date | null }) => [r.invitation_id === null, r.expires_at === null]), [
      [true, true],
      [false, false],
      [false, false],
    ]);
    assert.notEqual(rows[1].invitation_id, rows[2].invitation_id);
    assert.equal(rows[1].expires_at.toISOString(), '2026-01-15T00:00:00.000Z');
    assert.equal(rows[2].invited_by, null);
    await assert.rejects(after.query(`INSERT INTO memberships (organization_id, email, role, status) VALUES ($1, 'c@example.com', 'member', 'pending')`, [org]));
    await after.undoLastMigration();
    const columns = await after.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'memberships' AND column_name = 'invitation_id'`);
    assert.equal(columns.length, 0);
  } finally {
    await Promise.all([before, after].map((s) => (s.isInitialized ? s.destroy() : undefined)));
    await database.drop();
  }
});
