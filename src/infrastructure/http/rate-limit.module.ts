import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { rateLimitOptions } from './rate-limit.options.js';

/**
 * The contract's rate limits. Global guards run in the order their modules are imported, so
 * AppModule imports this module after AuthModule: the caller is known when it is counted.
 */
@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [appConfig.KEY], useFactory: (settings: AppConfig) => rateLimitOptions(settings) })],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
