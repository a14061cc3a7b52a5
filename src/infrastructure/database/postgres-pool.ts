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
  // The embedded database brings its own pool (SerializedPGlitePool) as the driver option.
  if ((dataSource.options as { driver?: unknown }).driver) return null;
  const master = (dataSource.driver as PostgresDriver).master as unknown;
  if (master instanceof pg.Pool) return master;
  // TypeORM requires pg itself: a pool that is not this pg's is a second copy of pg in the process
  // (a bundle that took pg in), and each read would silently leave its named statements for TypeORM's.
  throw new Error("TypeORM's pg pool is not an instance of the service's pg: two copies of pg are loaded");
}

/**
 * One query on a connection of the pool. Unlike `pool.query`, which hands an error back with the
 * connection and so makes the pool close it, a statement the server refused (a timeout, a
 * constraint, bad SQL: a `pg.DatabaseError`) returns the connection to the pool intact, with its
 * prepared statements, as TypeORM's query runners do. A socket or protocol failure still
 * discards it.
 */
export async function queryPool<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  pool: pg.Pool,
  query: pg.QueryConfig | string,
): Promise<pg.QueryResult<Row>> {
  const client = await pool.connect();
  try {
    const result = await client.query<Row>(query);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof pg.DatabaseError ? undefined : (error as Error));
    throw error;
  }
}
