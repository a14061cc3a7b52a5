import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { rateLimitOptions } from './rate-limit.options.js';
import { RateLimitStorage } from './rate-limit.storage.js';

/** The counters' storage, shared by the limiter and /health/ready (which reports Redis by name). */
@Module({ providers: [RateLimitStorage], exports: [RateLimitStorage] })
export class RateLimitStorageModule {}

/**
 * The contract's rate limits. Global guards run in the order their modules are imported, so
 * AppModule imports this module after AuthModule: the caller is known when it is counted.
 */
@Module({
  imports: [
    RateLimitStorageModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [appConfig.KEY, RateLimitStorage],
      useFactory: (settings: AppConfig, storage: RateLimitStorage) => ({ ...rateLimitOptions(settings), storage }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
  exports: [RateLimitStorageModule],
})
export class RateLimitModule {}
