import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Names the session advisory lock held by the one active relay ("entR"). */
export const RELAY_LOCK_KEY = 0x656e7452;
/** NOTIFYed by the stamp trigger of migration 1763800011000 (part of the schema: keep them equal). */
export const EVENTS_STAMPED_CHANNEL = 'entropy_events_stamped';
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
 * next replica that asks becomes the leader. A follower keeps its connection and asks again on it.
 */
export class LeaderCandidate {
  private client: pg.Client | undefined;
  private alive = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly statementTimeoutMs: number,
  ) {}

  /**
   * The leader session if the lock is free; undefined while another session leads. The leader
   * LISTENs for stamps on its session and calls `onStamped` for each.
   */
  async tryLead(onStamped: () => void): Promise<RelaySession | undefined> {
    if (!this.client || !this.alive) await this.connect();
    const client = this.client!;
    const [{ leader }] = (await client.query<{ leader: boolean }>('SELECT pg_try_advisory_lock($1) AS leader', [RELAY_LOCK_KEY])).rows;
    if (!leader) return undefined;
    // The session now belongs to the leader; a later candidacy starts on a fresh connection.
    this.client = undefined;
    const session = sessionOf(client);
    client.on('notification', onStamped);
    try {
      await client.query(`LISTEN ${EVENTS_STAMPED_CHANNEL}`);
    } catch (error) {
      await session.close(); // never leave the lock on a connection nobody uses
      throw error;
    }
    return session;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.alive = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    await this.close();
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: RELAY_APPLICATION_NAME,
      connectionTimeoutMillis: 5000,
      statement_timeout: this.statementTimeoutMs,
      keepAlive: true,
    });
    client.on('error', () => {
      if (this.client === client) this.alive = false;
    });
    client.on('end', () => {
      if (this.client === client) this.alive = false;
    });
    this.client = client;
    this.alive = true;
    try {
      await client.connect();
    } catch (error) {
      await this.close();
      throw error;
    }
  }
}

function sessionOf(client: pg.Client): RelaySession {
  let alive = true;
  client.on('error', () => (alive = false));
  client.on('end', () => (alive = false));
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
