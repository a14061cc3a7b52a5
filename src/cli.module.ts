import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/auth.module.js';
import { RotateEncryptionKeysHandler } from './credentials/commands/rotate-encryption-keys/rotate-encryption-keys.handler.js';
import { appConfig } from './infrastructure/config/app.config.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { SecurityModule } from './infrastructure/security/security.module.js';

/** What the operator CLI needs: configuration, the database and the command handlers. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
    CqrsModule.forRoot(),
    DatabaseModule.forRoot('the entropy CLI'),
    SecurityModule,
    AuthModule,
  ],
  providers: [RotateEncryptionKeysHandler],
})
export class CliModule {}
