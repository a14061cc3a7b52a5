import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { createApp, type AppOptions } from '../../src/app.factory.js';
import { CreateUserCommand } from '../../src/auth/commands/create-user/create-user.command.js';
import { OpenSessionCommand } from '../../src/auth/commands/open-session/open-session.command.js';
import { BASE_ENV, createTestDatabase } from './test-app.js';

export interface Replicas {
  /** Application instances of the service, each with its own pool, caches and listener, on one database. */
  apps: NestFastifyApplication[];
  dataSource: DataSource;
  user(email: string, options?: { admin?: boolean }): Promise<{ id: number; token: string }>;
  close(): Promise<void>;
}

/** `count` replicas of the real application (same factory as main.ts) sharing one new PostgreSQL database. */
export async function startReplicas(count: number, env: Record<string, string> = {}, options: AppOptions = {}): Promise<Replicas> {
  const database = await createTestDatabase('postgres');
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'REDIS_URL']) delete process.env[key];
  Object.assign(process.env, BASE_ENV, database.env, env);
  const apps: NestFastifyApplication[] = [];
  try {
    for (let i = 0; i < count; i++) apps.push(await createApp(options));
  } catch (error) {
    await Promise.all(apps.map((app) => app.close()));
    await database.drop();
    throw error;
  }
  const bus = apps[0].get(CommandBus);
  return {
    apps,
    dataSource: apps[0].get(DataSource),
    async user(email, options = {}) {
      const created = await bus.execute(new CreateUserCommand(email, email.split('@')[0], options.admin ?? false, 'cli'));
      const session = await bus.execute(new OpenSessionCommand(email));
      return { id: created.id, token: session.access_token };
    },
    async close() {
      await Promise.all(apps.map((app) => app.close()));
      await database.drop();
    },
  };
}
