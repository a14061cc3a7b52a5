import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { isEmbedded } from '../database/migration-runner.js';
import { AmqpPublisher } from './amqp-publisher.js';
import { DEFAULT_RELAY_OPTIONS, EventRelay, type RelayHealth, type RelayOptions } from './event-relay.js';

/** Relay timings; a provider so tests can shorten them. */
@Injectable()
export class EventRelayOptions implements RelayOptions {
  batchSize = DEFAULT_RELAY_OPTIONS.batchSize;
  pollMs = DEFAULT_RELAY_OPTIONS.pollMs;
  leaderRetryMs = DEFAULT_RELAY_OPTIONS.leaderRetryMs;
  backoffBaseMs = DEFAULT_RELAY_OPTIONS.backoffBaseMs;
  backoffMaxMs = DEFAULT_RELAY_OPTIONS.backoffMaxMs;
}

/**
 * Runs the RabbitMQ relay in the service process when AMQP_URL is set (the CLI never loads it).
 * Starting never waits for the broker; stopping finishes the batch in flight, then lets go of the
 * leader lock and the broker connection.
 */
@Injectable()
export class EventRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EventRelay');
  private relay: EventRelay | undefined;

  constructor(
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
    private readonly dataSource: DataSource,
    private readonly options: EventRelayOptions,
  ) {}

  get configured(): boolean {
    return this.settings.amqp.url !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { url, exchange } = this.settings.amqp;
    if (!url) {
      this.logger.log('AMQP_URL is not set: events are not published to RabbitMQ (the feed still serves them)');
      return;
    }
    this.relay = new EventRelay(this.settings, this.dataSource, new AmqpPublisher(url, exchange), isEmbedded(this.dataSource), this.options);
    await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
    this.relay = undefined;
  }

  /** Events were stamped: the relay looks at once instead of at its next poll. */
  signal(): void {
    this.relay?.signal();
  }

  /** Undefined when no broker is configured. */
  async health(timeoutMs: number): Promise<RelayHealth | undefined> {
    return this.relay?.health(timeoutMs);
  }
}
