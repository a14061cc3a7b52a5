import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { isEmail } from 'class-validator';
import { CreateUserCommand } from './auth/commands/create-user/create-user.command.js';
import { LinkFacebookCommand } from './auth/commands/link-facebook/link-facebook.command.js';
import { OpenSessionCommand } from './auth/commands/open-session/open-session.command.js';
import { GetMeQuery } from './auth/queries/get-me/get-me.query.js';
import { CliModule } from './cli.module.js';
import { RotateEncryptionKeysCommand } from './credentials/commands/rotate-encryption-keys/rotate-encryption-keys.command.js';
import { ConfigurationError, parseSettings } from './infrastructure/config/app.config.js';
import { probeDatabase } from './infrastructure/database/database-probe.js';
import { DomainError } from './infrastructure/errors/domain-error.js';

const USAGE = `Usage: npm run cli -- <command> [options]   (in a container: node dist/src/cli.js <command> ...)

  npm run cli -- users:create --email E --name N [--admin]
  npm run cli -- sessions:create --email E
Each prints one JSON line: { "user": { id, name, email, is_admin }, "access_token": "ent_s_..." }
  npm run cli -- users:link-facebook --email E --facebook-id ID
Attaches that Facebook identity to the user (refused if another user has it); prints { "user": {...} }
  npm run cli -- keys:rotate
Re-encrypts every stored Facebook token under the first ENCRYPTION_KEYS key; prints { "rotated": N }
  npm run cli -- --help
Prints this text.`;

class UsageError extends Error {}

class HelpRequested extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new UsageError(`--${flag} is required`);
  return value;
}

function email(value: string | undefined): string {
  const address = required(value, 'email').trim();
  // Local addresses such as the bootstrap admin@localhost have no TLD.
  if (!isEmail(address, { require_tld: false })) throw new UsageError(`--email must be an email address, got "${address}"`);
  return address;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean', default: false },
        'facebook-id': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs' own message names the unknown or malformed option.
    throw new UsageError((error as Error).message);
  }
}

async function run(argv: string[]): Promise<unknown> {
  const { positionals, values } = parse(argv);
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') throw new HelpRequested();
  if (command === 'keys:rotate') return withCommandBus((bus) => bus.execute(new RotateEncryptionKeysCommand()));
  if (command === 'users:link-facebook') {
    const address = email(values.email);
    const facebookUserId = required(values['facebook-id'], 'facebook-id').trim();
    // Facebook user ids (app-scoped) are decimal strings.
    if (!/^\d{1,64}$/.test(facebookUserId)) throw new UsageError('--facebook-id must be a Facebook user id (digits only)');
    return withCommandBus(async (bus) => ({ user: await bus.execute(new LinkFacebookCommand(address, facebookUserId)) }));
  }
  if (command !== 'users:create' && command !== 'sessions:create') throw new UsageError(`Unknown command "${command ?? ''}"`);
  const address = email(values.email);
  const name = command === 'users:create' ? required(values.name, 'name') : undefined;
  return withCommandBus(async (bus, queries) => {
    if (name !== undefined) await bus.execute(new CreateUserCommand(address, name, values.admin ?? false, 'cli'));
    const session = await bus.execute(new OpenSessionCommand(address));
    // Both commands print the same user shape, with is_admin.
    const user = await queries.execute(new GetMeQuery(session.user.id));
    return { user, access_token: session.access_token };
  });
}

/** Validates the configuration, reaches the database, and runs the work on the command bus. */
async function withCommandBus<T>(work: (bus: CommandBus, queries: QueryBus) => Promise<T>): Promise<T> {
  const settings = parseSettings(process.env);
  if (settings.databaseUrl) await probeDatabase(settings.databaseUrl);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false, abortOnError: false });
  try {
    return await work(app.get(CommandBus), app.get(QueryBus));
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else if (error instanceof ConfigurationError) process.stderr.write(`Invalid configuration: ${error.message}\n`);
    else if (error instanceof DomainError || error instanceof Error) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
