import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator.js';
import { EventRelayService } from '../infrastructure/events/event-relay.service.js';

const READY_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: EventRelayService,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The database answers, and RabbitMQ is connected when AMQP_URL is set' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', rabbitmq: 'up', details: { rabbitmq: { exchange: 'entropy.events', dead_events: 0 } } } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'up', rabbitmq: 'down', details: { rabbitmq: { exchange: 'entropy.events', dead_events: 0 } } } } })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    // Dead (parked) events are reported for operators, not a reason to take the replica out of rotation.
    const [database, broker] = await Promise.all([this.ping(), this.relay.health(READY_TIMEOUT_MS)]);
    const up = database && broker?.rabbitmq !== 'down';
    if (!up) reply.status(503);
    return {
      status: up ? 'ok' : 'unavailable',
      database: database ? 'up' : 'down',
      ...(broker && { rabbitmq: broker.rabbitmq, details: { rabbitmq: { exchange: broker.exchange, dead_events: broker.dead_events } } }),
    };
  }

  private async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
    try {
      return await Promise.race([this.dataSource.query('SELECT 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
