import { Global, Logger, Module } from '@nestjs/common';
import { appConfig, type AppConfig } from '../config/app.config.js';
import { developmentKeys, SecretBox } from './secret-box.js';

/** The one SecretBox of the process, keyed from ENCRYPTION_KEYS (or the development key file). */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [appConfig.KEY],
      useFactory: (settings: AppConfig) => {
        if (settings.encryptionKeys) return new SecretBox(settings.encryptionKeys);
        // parseSettings already refuses to start production without ENCRYPTION_KEYS.
        const { keys, path, created } = developmentKeys(settings.dataDir);
        new Logger('SecretBox').warn(
          `ENCRYPTION_KEYS is not set: ${created ? 'generated' : 'using'} the development key in ${path}. ` +
            'Set ENCRYPTION_KEYS (keyid:base64 of 32 bytes) for any real deployment.',
        );
        return new SecretBox(keys);
      },
    },
  ],
  exports: [SecretBox],
})
export class SecurityModule {}
