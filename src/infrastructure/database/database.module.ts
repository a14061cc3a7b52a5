import { Global, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { OAuthStateStore } from '../security/oauth-state.store.js';
import { EventRecord } from '../events/event-record.entity.js';
import { EventSequencer } from '../events/event-sequencer.js';
import { dataSourceOptions } from './data-source.options.js';
import { acquireEmbeddedLock } from './embedded-lock.js';
import { HousekeepingJob } from './housekeeping.job.js';
import { MigrationRunner } from './migration-runner.js';
import { PreparedReads } from './prepared-reads.js';
import { UnitOfWork } from './unit-of-work.js';

const EMBEDDED_LOCK = Symbol('EMBEDDED_LOCK');

class EmbeddedLockHolder implements OnApplicationShutdown {
  constructor(private readonly release: (() => void) | undefined) {}
  onApplicationShutdown(): void {
    this.release?.();
  }
}

/**
 * The data source, migrations and unit of work. `holder` names this process in the embedded
 * database's lock file, so whoever is refused knows what holds it ("entropy service").
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(holder: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [appConfig.KEY, EMBEDDED_LOCK],
          useFactory: (settings: AppConfig) => dataSourceOptions(settings),
          extraProviders: [
            {
              provide: EMBEDDED_LOCK,
              inject: [appConfig.KEY],
              useFactory: async (settings: AppConfig) =>
                new EmbeddedLockHolder(settings.databaseUrl ? undefined : await acquireEmbeddedLock(settings.dataDir, holder)),
            },
          ],
        }),
        TypeOrmModule.forFeature([EventRecord]),
      ],
      providers: [MigrationRunner, UnitOfWork, EventSequencer, OAuthStateStore, HousekeepingJob, PreparedReads],
      exports: [UnitOfWork, EventSequencer, OAuthStateStore, PreparedReads],
    };
  }
}
