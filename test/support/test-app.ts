import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { CreateUserCommand } from '../../src/auth/commands/create-user/create-user.command.js';
import { OpenSessionCommand } from '../../src/auth/commands/open-session/open-session.command.js';

/** 'postgres' (a real server, the default) or 'pglite' (embedded), chosen by test/run.mjs. */
export const TEST_DB = process.env.TEST_DB === 'pglite' ? 'pglite' : 'postgres';
export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const NEEDS_POSTGRES = TEST_DB === 'pglite' && 'needs a real PostgreSQL server (TEST_DB=pglite)';

export interface TestDatabase {
  /** Environment for the service: DATABASE_URL or DATA_DIR. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database of the current kind, owned by one test file. */
export async function createTestDatabase(kind: 'postgres' | 'pglite' = TEST_DB): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entropy-test-'));
  if (kind === 'pglite') {
    return { env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `entropy_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Creates a user and returns a session token for it. */
  user(email: string, options?: { admin?: boolean; name?: string }): Promise<{ id: number; token: string }>;
  close(): Promise<void>;
}

export const BASE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://api.test',
  WEB_APP_URL: 'http://app.test',
  // Every injected request comes from 127.0.0.1, and a sign-in test file starts more than the
  // default 30 sign-ins a minute; rate-limits.e2e.spec.ts tests the limit itself.
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
};

/** The real application (same factory as main.ts) on a database of its own. */
export async function startTestApp(
  env: Record<string, string> = {},
  kind: 'postgres' | 'pglite' = TEST_DB,
  options: AppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET']) delete process.env[key];
  Object.assign(process.env, BASE_ENV, database.env, env);
  const app = await createApp(options);
  const bus = app.get(CommandBus);
  return {
    app,
    dataSource: app.get(DataSource),
    async user(email, options = {}) {
      const created = await bus.execute(new CreateUserCommand(email, options.name ?? email.split('@')[0], options.admin ?? false, 'cli'));
      const session = await bus.execute(new OpenSessionCommand(email));
      return { id: created.id, token: session.access_token };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
