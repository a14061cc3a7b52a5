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
