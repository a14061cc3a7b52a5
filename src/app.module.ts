import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth/auth.module.js';
import { CredentialsModule } from './credentials/credentials.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthController } from './health/health.controller.js';
import { appConfig } from './infrastructure/config/app.config.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { EventRelayModule } from './infrastructure/events/event-relay.module.js';
import { RateLimitModule } from './infrastructure/http/rate-limit.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { TokensModule } from './tokens/tokens.module.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
    CqrsModule.forRoot(),
    ScheduleModule.forRoot(),
    DatabaseModule.forRoot('entropy service'),
    AuthModule,
    // After AuthModule: its guard finds the caller that this one counts.
    RateLimitModule,
    OrganizationsModule,
    TokensModule,
    CredentialsModule,
    EventsModule,
    EventRelayModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
