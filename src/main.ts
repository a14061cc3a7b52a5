import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { bootstrapAdmin } from './auth/bootstrap-admin.js';
import { ConfigurationError, parseSettings, type AppSettings } from './infrastructure/config/app.config.js';
import { DatabaseUnreachableError, probeDatabase } from './infrastructure/database/database-probe.js';
import { EmbeddedDatabaseBusyError } from './infrastructure/database/embedded-lock.js';
import { UnitOfWork } from './infrastructure/database/unit-of-work.js';

/** Where the data lives, for the start-up line: the embedded directory, or host and database. */
function describeDatabase(settings: AppSettings): string {
  if (!settings.databaseUrl) return `embedded PGlite in ${resolve(settings.dataDir)}`;
  const url = new URL(settings.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

async function main(): Promise<void> {
  // Variables already in the environment win over the file's.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const settings = parseSettings(process.env);
  if (settings.databaseUrl) await probeDatabase(settings.databaseUrl);
  const app = await createApp();
  await app.listen({ port: settings.port, host: '0.0.0.0' });
  const logger = new Logger('Entropy');
  logger.log(
    `Listening on ${settings.publicUrl} (port ${settings.port}), database: ${describeDatabase(settings)}, Swagger UI: ${settings.publicUrl}/docs`,
  );

  if (!settings.production) {
    const session = await bootstrapAdmin(app.get(UnitOfWork)).catch((error: unknown) => {
      // The service is up and serving: a failed bootstrap is worth a log line, not an exit.
      logger.error({ err: error }, 'Could not create the bootstrap admin');
      return undefined;
    });
    if (session) {
      // Printed once, on the first start of an empty database, for the newcomer at the terminal.
      process.stdout.write(
        `\nFirst start: created the platform admin ${session.user.email}.\n` +
          `  Session token (shown once): ${session.access_token}\n` +
          `  Try the API at ${settings.publicUrl}/docs  (Authorize -> paste the token)\n\n`,
      );
    }
  }
}

/** A start-up failure an operator can act on is one line; only the unexpected keep their stack. */
function startupFailure(error: unknown): string {
  if (error instanceof ConfigurationError) return `Invalid configuration: ${error.message}`;
  if (error instanceof EmbeddedDatabaseBusyError || error instanceof DatabaseUnreachableError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Failed to start: port ${process.env.PORT?.trim() || 3000} is already in use (set PORT to another one)`;
  if (code === 'EACCES') return `Failed to start: no permission to listen on port ${process.env.PORT?.trim() || 3000}`;
  return `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${startupFailure(error)}\n`);
  process.exit(1);
});
