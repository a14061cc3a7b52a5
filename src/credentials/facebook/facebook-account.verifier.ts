import { Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import { FacebookTokenInvalidError, FacebookTokenNotForThisAppError } from '../credentials.errors.js';
import { FacebookGraphClient } from './facebook-graph.client.js';

/** A Facebook account proven by a fresh authorization code, with a token worth storing. */
export interface VerifiedAccount {
  facebookUserId: string;
  name: string;
  accessToken: string;
  scopes: string[];
  expiresAt: Date | null;
}

/** Tokens living longer than this are long-lived already (short-lived ones last about 2 hours). */
const SHORT_LIVED_MAX_SECONDS = 24 * 3600;

/**
 * Turns an authorization code into a verified account: exchange the code (same redirect_uri as
 * the dialog), trade a short-lived token for a long-lived one, make sure with debug_token that the
 * token belongs to our app and read its scopes and expiry, then read who it is from /me.
 * Calls Facebook only: the caller must hold no database transaction meanwhile.
 */
@Injectable()
export class FacebookAccountVerifier {
  constructor(
    private readonly graph: FacebookGraphClient,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async verify(code: string): Promise<VerifiedAccount> {
    let issued = await this.graph.exchangeCode(code, this.settings.facebook.linkRedirectUri);
    if (issued.expiresIn === undefined || issued.expiresIn <= SHORT_LIVED_MAX_SECONDS) {
      issued = await this.graph.exchangeForLongLived(issued.accessToken);
    }
    const info = await this.graph.debugToken(issued.accessToken);
    if (info.appId !== this.settings.facebook.appId) throw new FacebookTokenNotForThisAppError();
    if (!info.isValid) throw new FacebookTokenInvalidError(info.error);
    const me = await this.graph.me(issued.accessToken);
    if (info.userId !== undefined && info.userId !== me.id) throw new FacebookUnavailableError('debug_token and /me disagree on the user');
    const expiresAt = info.expiresAt ?? (issued.expiresIn ? new Date(Date.now() + issued.expiresIn * 1000) : null);
    return { facebookUserId: me.id, name: me.name, accessToken: issued.accessToken, scopes: info.scopes, expiresAt };
  }
}
