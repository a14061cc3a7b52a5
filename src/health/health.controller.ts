import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource, QueryFailedError } from 'typeorm';
import { Public } from '../common/public.decorator.js';

const READY_TIMEOUT_MS = 2000;
const UNDEFINED_TABLE = '42P01';

/** Each dependency by name; the service is ready only when every one is `up`. */
type Checks = Record<string, 'up' | 'down' | 'pending' | 'unknown'>;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The database answers and its schema is migrated' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', migrations: 'up' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'up', migrations: 'pending' } } })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Checks = await this.database();
    const ok = Object.values(checks).every((state) => state === 'up');
    if (!ok) reply.status(503);
    return { status: ok ? 'ok' : 'unavailable', ...checks };
  }

  /**
   * One query answers both: the database is up if it runs, and the schema is migrated if every
   * migration this build knows is recorded (an emptied or restored database is not).
   */
  private async database(): Promise<Checks> {
    const expected = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS)));
    try {
      const rows: { name: string }[] = await Promise.race([this.dataSource.query(`SELECT name FROM ${table}`), timeout]);
      const applied = new Set(rows.map((row) => row.name));
      return { database: 'up', migrations: expected.every((name) => applied.has(name)) ? 'up' : 'pending' };
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNDEFINED_TABLE) {
        return { database: 'up', migrations: 'pending' };
      }
      return { database: 'down', migrations: 'unknown' };
    } finally {
      clearTimeout(timer);
    }
  }
}
