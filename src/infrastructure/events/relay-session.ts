import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Names the session advisory lock held by the one active relay ("entR"). */
export const RELAY_LOCK_KEY = 0x656e7452;
/** The relay's own connection, recognisable in pg_stat_activity. */
export const RELAY_APPLICATION_NAME = 'entropy-api relay';

/** Where the relay runs its statements; leadership is held by the session itself. */
export interface RelaySession {
  /** False once the session is gone (terminated, network): the caller drops it and opens another. */
  readonly alive: boolean;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction when the session can hold one for the relay alone. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A dedicated PostgreSQL connection that holds the leader lock for as long as it lives: when the
 * leader's process dies or its connection is terminated, PostgreSQL releases the lock and the
 * next replica that asks becomes the leader. Resolves undefined while another session leads.
 */
export async function leaderSession(databaseUrl: string, statementTimeoutMs: number): Promise<RelaySession | undefined> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: RELAY_APPLICATION_NAME,
    connectionTimeoutMillis: 5000,
    statement_timeout: statementTimeoutMs,
    keepAlive: true,
  });
  let alive = true;
  client.on('error', () => (alive = false));
  client.on('end', () => (alive = false));
  try {
    await client.connect();
    const [{ leader }] = (await client.query<{ leader: boolean }>('SELECT pg_try_advisory_lock($1) AS leader', [RELAY_LOCK_KEY])).rows;
    if (!leader) {
      await client.end();
      return undefined;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    get alive() {
      return alive;
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
    async transaction<T>(work: () => Promise<T>) {
      await client.query('BEGIN');
      try {
        const value = await work();
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async close() {
      alive = false;
      // Ending the session releases the lock; no unlock round trip needed.
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * The embedded database is one process and one session: the relay there is always the leader and
 * runs each statement through the shared (serialized) pool, never holding the session while it
 * waits for the broker.
 */
export function embeddedSession(dataSource: DataSource): RelaySession {
  return {
    alive: true,
    query: <T>(sql: string, params?: unknown[]) => dataSource.query(sql, params) as Promise<T[]>,
    transaction: <T>(work: () => Promise<T>) => work(),
    close: async () => undefined,
  };
}
