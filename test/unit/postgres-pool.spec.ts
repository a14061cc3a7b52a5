import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { postgresPoolOf } from '../../src/infrastructure/database/postgres-pool.js';

const dataSource = (options: object, master: unknown) => ({ isInitialized: true, options, driver: { master } }) as unknown as DataSource;

test("TypeORM's pool is the pool the named statements use", () => {
  const pool = new pg.Pool();
  assert.equal(postgresPoolOf(dataSource({ type: 'postgres' }, pool)), pool);
});

test('the embedded database has no pg pool', () => {
  assert.equal(postgresPoolOf(dataSource({ type: 'postgres', driver: { Pool: class {} } }, {})), null);
});

test('a pool from a second copy of pg is refused, not silently bypassed', () => {
  class OtherPool {}
  assert.throws(() => postgresPoolOf(dataSource({ type: 'postgres' }, new OtherPool())), /two copies of pg/);
});
