import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/infrastructure/database/data-source.options.js';
import { migrate } from '../../src/infrastructure/database/migration-runner.js';
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
