import pg from 'pg';

/** Raised at start when DATABASE_URL names a server that does not answer. */
export class DatabaseUnreachableError extends Error {}

/**
 * Connects once before the application starts, so an unreachable or misnamed database stops the
 * process with one line naming DATABASE_URL (without its password) instead of a retry loop.
 */
export async function probeDatabase(databaseUrl: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const url = new URL(databaseUrl);
    const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    throw new DatabaseUnreachableError(`DATABASE_URL: cannot reach the database at ${where} (${(error as Error).message})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
