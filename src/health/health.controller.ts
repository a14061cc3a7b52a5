import { Controller, Get, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource, QueryFailedError } from 'typeorm';
import { Public } from '../common/public.decorator.js';
import { EventRelayService } from '../infrastructure/events/event-relay.service.js';
import { RateLimitStorage } from '../infrastructure/http/rate-limit.storage.js';

const READY_TIMEOUT_MS = 2000;
const UNDEFINED_TABLE = '42P01';

/** Each dependency by name; the service is ready only when every one is `up`. */
type Checks = Record<string, 'up' | 'down' | 'pending' | 'unknown'>;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: EventRelayService,
    @Optional() private readonly rateLimits?: RateLimitStorage,
  ) {}

  @Get('ready')
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'The database answers and its schema is migrated; RabbitMQ and Redis are reported when configured',
    description:
      'Each dependency is reported by name; 503 while the database, the migrations or the configured RabbitMQ is not `up`. ' +
      'Parked (dead) events are counted in `details`, without a 503. Redis only holds the shared rate-limit counters and the limiter ' +
      'fails open (each replica counts alone) while it is away, so `redis: "down"` makes the answer `status: "degraded"` with 200: ' +
      'taking every replica out of the balancer for a limiter would turn a Redis outage into an API outage.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        database: 'up',
        migrations: 'up',
        rabbitmq: 'up',
        redis: 'up',
        details: { rabbitmq: { exchange: 'entropy.events', dead_events: 0 } },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    schema: {
      example: {
        status: 'unavailable',
        database: 'up',
        migrations: 'up',
        rabbitmq: 'down',
        details: { rabbitmq: { exchange: 'entropy.events', dead_events: 0 } },
      },
    },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, broker, redis] = await Promise.all([this.database(), this.relay.health(READY_TIMEOUT_MS), this.rateLimits?.state()]);
    const checks: Checks = { ...database, ...(broker && { rabbitmq: broker.rabbitmq }) };
    const ok = Object.values(checks).every((state) => state === 'up');
    if (!ok) reply.status(503);
    const status = !ok ? 'unavailable' : redis === 'down' ? 'degraded' : 'ok';
    // Parked (dead) events are reported for operators, not a reason to take the replica out of rotation.
    const details = broker && { details: { rabbitmq: { exchange: broker.exchange, dead_events: broker.dead_events } } };
    return { status, ...checks, ...(redis ? { redis } : {}), ...details };
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
