import { Inject, Injectable, type CanActivate } from '@nestjs/common';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { requireFacebookLogin } from './facebook-login.options.js';

/** Runs before anything Facebook-related so an unconfigured server answers 503, never a crash. */
@Injectable()
export class FacebookLoginEnabledGuard implements CanActivate {
  constructor(@Inject(appConfig.KEY) private readonly settings: AppConfig) {}

  canActivate(): boolean {
    requireFacebookLogin(this.settings);
    return true;
  }
}
