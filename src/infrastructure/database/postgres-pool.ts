import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/**
 * The pg pool TypeORM made for this data source, on PostgreSQL; null on the embedded database
 * (its pool is not pg's and serializes every use of the one PGlite session) or before the data
 * source is initialized. For the few paths that speak to pg directly (named statements, a
 * several-statement round trip); everything else goes through TypeORM.
 */
export function postgresPoolOf(dataSource: DataSource): pg.Pool | null {
  if (!dataSource.isInitialized) return null;
  const master = (dataSource.driver as PostgresDriver).master as unknown;
  return master instanceof pg.Pool ? master : null;
}
