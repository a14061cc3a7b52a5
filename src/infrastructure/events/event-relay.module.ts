import { Module } from '@nestjs/common';
import { EventRelayOptions, EventRelayService } from './event-relay.service.js';

/** The RabbitMQ relay: loaded by the service (AppModule), never by the operator CLI. */
@Module({
  providers: [EventRelayOptions, EventRelayService],
  exports: [EventRelayService, EventRelayOptions],
})
export class EventRelayModule {}
