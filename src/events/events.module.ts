import { Module } from '@nestjs/common';
import { EventsController } from './events.controller.js';
import { ListEventsHandler } from './queries/list-events/list-events.handler.js';

/** The event feed. The event log itself (table, sequencer) lives in the DatabaseModule beside the UnitOfWork that writes it. */
@Module({
  controllers: [EventsController],
  providers: [ListEventsHandler],
})
export class EventsModule {}
