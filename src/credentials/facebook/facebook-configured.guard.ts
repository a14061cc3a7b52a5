import { Injectable, type CanActivate } from '@nestjs/common';
import { FacebookNotConfiguredError } from '../../infrastructure/facebook/facebook.errors.js';
import { FacebookGraphClient } from './facebook-graph.client.js';

/** Credentials routes answer 503 while the Facebook app is not configured; the service still starts. */
@Injectable()
export class FacebookConfiguredGuard implements CanActivate {
  constructor(private readonly graph: FacebookGraphClient) {}

  canActivate(): boolean {
    if (!this.graph.configured) throw new FacebookNotConfiguredError();
    return true;
  }
}
