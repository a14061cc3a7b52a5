import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';

/** Any constant shared by every process of this service; names the advisory lock. */
const MIGRATION_LOCK_KEY = 0x656e7472;

export function isEmbedded(dataSource: DataSource): boolean {
  return 'driver' in dataSource.options && Boolean(dataSource.options.driver);
}

/**
 * Applies pending migrations. TypeORM takes no lock of its own, so on PostgreSQL the run
 * happens under a session-level advisory lock: a second process starting at the same time
 * waits, then finds nothing left to do. The embedded database is single-process already.
 * Migrations run on that same session with DATABASE_TIMEOUT_MS lifted: a schema change may take
 * longer than a request's statement, and a second process waits for the first one's run.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (isEmbedded(dataSource)) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query('SET statement_timeout = 0; SET lock_timeout = 0');
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, session);
      executor.transaction = 'each';
      return (await executor.executePendingMigrations()).map((m) => m.name);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await session.query('RESET statement_timeout; RESET lock_timeout');
    }
  } finally {
    await session.release();
  }
}

@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.dataSource);
    if (applied.length > 0) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
