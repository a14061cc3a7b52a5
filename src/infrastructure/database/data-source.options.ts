import { resolve } from 'node:path';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppSettings } from '../config/app.config.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { OAuthStates1763800001000 } from './migrations/1763800001000-oauth-states.js';
import { AuthorizationTokens1763800002000 } from './migrations/1763800002000-authorization-tokens.js';
import { Credentials1763800003000 } from './migrations/1763800003000-credentials.js';
import { Invitations1763800005000 } from './migrations/1763800005000-invitations.js';
import { EventLog1763800010000 } from './migrations/1763800010000-event-log.js';
import { EventRelay1763800011000 } from './migrations/1763800011000-event-relay.js';
import { Webhooks1763800020000 } from './migrations/1763800020000-webhooks.js';
import { PrincipalInvalidation1763800030000 } from './migrations/1763800030000-principal-invalidation.js';
import { ListShapes1763800040000 } from './migrations/1763800040000-list-shapes.js';
import { SerializedPGlitePool } from './serialized-pglite-pool.js';

export const MIGRATIONS = [
  InitialSchema1763800000000,
  OAuthStates1763800001000,
  AuthorizationTokens1763800002000,
  Credentials1763800003000,
  Invitations1763800005000,
  EventLog1763800010000,
  EventRelay1763800011000,
  Webhooks1763800020000,
  PrincipalInvalidation1763800030000,
  ListShapes1763800040000,
];

/** Connections per process on PostgreSQL. */
export const POOL_SIZE = 10;

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR. */
export function dataSourceOptions(settings: AppSettings): TypeOrmModuleOptions {
  const common = {
    type: 'postgres' as const,
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    // TypeORM's logger prints failing SQL with its parameters: they may hold secrets.
    logging: false,
    retryAttempts: 1,
  };
  if (settings.databaseUrl) {
    const timeout = settings.databaseTimeoutMs;
    return {
      ...common,
      url: settings.databaseUrl,
      poolSize: POOL_SIZE,
      applicationName: 'entropy-api',
      // One held lock or one slow statement must not stall every request: each wait is bounded
      // and answers 503 (see postgres-errors.ts). The session settings are startup parameters,
      // so `RESET` in a session that lifts them (migrations) returns to these values.
      extra: {
        connectionTimeoutMillis: timeout,
        statement_timeout: timeout,
        lock_timeout: timeout,
        // A transaction left open (a bug, a stuck process) would hold its locks and its
        // connection forever; well past any legitimate pause, the server ends it.
        idle_in_transaction_session_timeout: Math.max(4 * timeout, 10_000),
        // The hot reads are named statements (PreparedReads): parsed once per connection, but
        // planned with their values every time. After five runs PostgreSQL may otherwise keep one
        // generic plan for all values, and a skewed list got a worse one: the invitations of an
        // organization with 100,000 of them took 38 ms a page instead of 3 (npm run bench:growth).
        // Added to the operator's PGOPTIONS, if any (an `options` in DATABASE_URL replaces both).
        options: [process.env.PGOPTIONS, '-c plan_cache_mode=force_custom_plan'].filter(Boolean).join(' '),
        keepAlive: true,
      },
    };
  }
  // typeorm-pglite keeps one PGlite instance per process; constructing its driver sets that
  // instance's options (data directory, boolean serializer). Our pool then serializes access to it.
  new PGliteDriver({ dataDir: resolve(settings.dataDir, 'pglite') });
  return { ...common, driver: { Pool: SerializedPGlitePool }, extra: { connectionTimeoutMillis: settings.databaseTimeoutMs } };
}
