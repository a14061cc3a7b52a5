import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { isEmbedded } from '../database/migration-runner.js';
import { AmqpPublisher } from './amqp-publisher.js';
import { EventSequencer } from './event-sequencer.js';
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
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
    private readonly dataSource: DataSource,
    private readonly options: EventRelayOptions,
    private readonly sequencer: EventSequencer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { amqpUrl: url, amqpExchange: exchange } = this.settings;
    if (!url) {
      this.logger.log('AMQP_URL is not set: events are not published to RabbitMQ (the feed still serves them)');
      return;
    }
    this.relay = new EventRelay(
      this.settings,
      this.dataSource,
      new AmqpPublisher(url, exchange),
      isEmbedded(this.dataSource),
      this.options,
    );
    // Woken right after this process stamped events; other replicas' stamps reach it by the poll.
    this.unsubscribe = this.sequencer.onStamped(() => this.relay?.signal());
    await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.relay?.stop();
    this.relay = undefined;
  }

  /** Undefined when no broker is configured. */
  async health(timeoutMs: number): Promise<RelayHealth | undefined> {
    return this.relay?.health(timeoutMs);
  }
}
