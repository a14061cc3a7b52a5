import { Module } from '@nestjs/common';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { FacebookAuthController } from './facebook-auth.controller.js';
import { FacebookCallbackGuard } from './facebook-callback.guard.js';
import { FacebookLoginEnabledGuard } from './facebook-login-enabled.guard.js';
import { facebookLoginOptions } from './facebook-login.options.js';
import { FacebookStrategy } from './facebook.strategy.js';

/**
 * Sign-in with Facebook. The passport strategy exists only when a Facebook app is configured
 * (passport-oauth2 throws without a clientID); otherwise FacebookLoginEnabledGuard answers 503.
 */
@Module({
  controllers: [FacebookAuthController],
  providers: [
    {
      provide: FacebookStrategy,
      inject: [appConfig.KEY],
      useFactory: (settings: AppConfig): FacebookStrategy | null => {
        const options = facebookLoginOptions(settings);
        return options ? new FacebookStrategy(options) : null;
      },
    },
    FacebookLoginEnabledGuard,
    FacebookCallbackGuard,
  ],
})
export class FacebookLoginModule {}
