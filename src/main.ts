import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory.js';
import { bootstrapAdmin } from './auth/bootstrap-admin.js';
import { ConfigurationError, parseSettings } from './infrastructure/config/app.config.js';
import { DatabaseUnreachableError, probeDatabase } from './infrastructure/database/database-probe.js';
import { EmbeddedDatabaseBusyError } from './infrastructure/database/embedded-lock.js';
import { UnitOfWork } from './infrastructure/database/unit-of-work.js';

async function main(): Promise<void> {
  const settings = parseSettings(process.env);
  if (settings.databaseUrl) await probeDatabase(settings.databaseUrl);
  const app = await createApp();
  await app.listen({ port: settings.port, host: '0.0.0.0' });

  if (!settings.production) {
    const session = await bootstrapAdmin(app.get(UnitOfWork)).catch((error: unknown) => {
      // The service is up and serving: a failed bootstrap is worth a log line, not an exit.
      app.get(Logger).error({ err: error }, 'Could not create the bootstrap admin');
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

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`Invalid configuration: ${error.message}\n`);
  } else if (error instanceof EmbeddedDatabaseBusyError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
