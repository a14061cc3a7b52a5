import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory.js';
import { bootstrapAdmin } from './auth/bootstrap-admin.js';
import { ConfigurationError, parseSettings } from './infrastructure/config/app.config.js';
import { EmbeddedDatabaseBusyError } from './infrastructure/database/embedded-lock.js';

async function main(): Promise<void> {
  const settings = parseSettings(process.env);
  const app = await createApp();
  await app.listen({ port: settings.port, host: '0.0.0.0' });

  if (!settings.production) {
    const session = await bootstrapAdmin(app.get(DataSource), app.get(CommandBus));
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
  } else if (error instanceof EmbeddedDatabaseBusyError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
