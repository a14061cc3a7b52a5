import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import {
  configuredFacebookApp,
  facebookDialogUrl,
  requireFacebookApp,
  type FacebookApp,
} from '../../infrastructure/facebook/facebook-app.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import { FacebookRejectedError } from '../credentials.errors.js';

/** How long one Graph call may take; a provider so tests can shorten it. */
@Injectable()
export class FacebookGraphOptions {
  timeoutMs = 5000;
}

export interface IssuedToken {
  accessToken: string;
  /** Seconds, when Facebook said. */
  expiresIn: number | undefined;
}

export interface TokenInfo {
  appId: string | undefined;
  userId: string | undefined;
  isValid: boolean;
  scopes: string[];
  /** null when Facebook reports no expiry. */
  expiresAt: Date | null;
  /** Facebook's reason when the token is not valid. */
  error: string | undefined;
}

interface GraphErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown };
}

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  form?: Record<string, string>;
  /** A user access token: sent as a bearer, with appsecret_proof. */
  userToken?: string;
  /** Sends the app access token (APPID|SECRET) as the bearer. */
  asApp?: boolean;
}

/**
 * The few Graph API calls credentials need. Secrets travel in headers and form bodies, never in a
 * URL (which proxies log), except `input_token`, which debug_token only takes as a parameter. Every
 * call is bounded by a timeout; Facebook's own errors become FacebookRejectedError (400, with
 * Facebook's message), everything else — network, timeout, 5xx, garbage — FacebookUnavailableError (502).
 */
@Injectable()
export class FacebookGraphClient {
  constructor(
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
    private readonly options: FacebookGraphOptions,
  ) {}

  get configured(): boolean {
    return configuredFacebookApp(this.settings) !== undefined;
  }

  /** The Login dialog URL that sends the browser back to `redirectUri` with a code. */
  dialogUrl(state: string, redirectUri: string, scopes: string[]): string {
    return facebookDialogUrl({ dialogUrl: this.settings.facebook.dialogUrl, appId: this.app().appId, redirectUri, scopes, state });
  }

  async exchangeCode(code: string, redirectUri: string): Promise<IssuedToken> {
    const { appId, appSecret } = this.app();
    const body = await this.call({
      method: 'POST',
      path: '/oauth/access_token',
      form: { client_id: appId, client_secret: appSecret, redirect_uri: redirectUri, code },
    });
    return issuedToken(body);
  }

  async exchangeForLongLived(shortLived: string): Promise<IssuedToken> {
    const { appId, appSecret } = this.app();
    const body = await this.call({
      method: 'POST',
      path: '/oauth/access_token',
      form: { grant_type: 'fb_exchange_token', client_id: appId, client_secret: appSecret, fb_exchange_token: shortLived },
    });
    return issuedToken(body);
  }

  async debugToken(token: string): Promise<TokenInfo> {
    const body = (await this.call({ method: 'GET', path: '/debug_token', query: { input_token: token }, asApp: true })) as {
      data?: Record<string, unknown>;
    };
    const data = body.data;
    if (!data || typeof data !== 'object') throw new FacebookUnavailableError('unexpected debug_token answer');
    const expiresAt = typeof data.expires_at === 'number' && data.expires_at > 0 ? new Date(data.expires_at * 1000) : null;
    const error = data.error as { message?: unknown } | undefined;
    return {
      appId: data.app_id === undefined ? undefined : String(data.app_id),
      userId: data.user_id === undefined ? undefined : String(data.user_id),
      isValid: data.is_valid === true,
      scopes: Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === 'string') : [],
      expiresAt,
      error: typeof error?.message === 'string' ? error.message : undefined,
    };
  }

  async me(token: string): Promise<{ id: string; name: string }> {
    const body = (await this.call({ method: 'GET', path: '/me', query: { fields: 'id,name' }, userToken: token })) as Record<
      string,
      unknown
    >;
    if (typeof body.id !== 'string' || typeof body.name !== 'string') throw new FacebookUnavailableError('unexpected /me answer');
    return { id: body.id, name: body.name };
  }

  /** De-authorizes the app for that user at Facebook (every token of the app for them dies). */
  async revokePermissions(facebookUserId: string, token: string): Promise<void> {
    await this.call({ method: 'DELETE', path: `/${encodeURIComponent(facebookUserId)}/permissions`, userToken: token });
  }

  private app(): FacebookApp {
    return requireFacebookApp(this.settings);
  }

  private async call({ method, path, query, form, userToken, asApp }: Call): Promise<unknown> {
    const { appId, appSecret } = this.app();
    const url = new URL(`${this.settings.facebook.graphUrl}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (userToken) {
      headers.authorization = `Bearer ${userToken}`;
      url.searchParams.set('appsecret_proof', createHmac('sha256', appSecret).update(userToken).digest('hex'));
    } else if (asApp) {
      headers.authorization = `Bearer ${appId}|${appSecret}`;
    }
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(form).toString();
    }

    let response: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      response = await fetch(url, { method, headers, body, signal, redirect: 'error' });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      throw new FacebookUnavailableError(
        name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${this.options.timeoutMs} ms` : 'network error',
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new FacebookUnavailableError(`HTTP ${response.status} with an unreadable body`);
    }
    if (response.status >= 500) throw new FacebookUnavailableError(`HTTP ${response.status}`);
    const error = (parsed as GraphErrorBody | null)?.error;
    if (!response.ok || error) {
      if (error && typeof error.message === 'string' && response.status < 500 && response.status !== 429) {
        throw new FacebookRejectedError(
          error.message,
          typeof error.code === 'number' ? error.code : undefined,
          typeof error.error_subcode === 'number' ? error.error_subcode : undefined,
        );
      }
      throw new FacebookUnavailableError(`HTTP ${response.status}`);
    }
    return parsed;
  }
}

function issuedToken(body: unknown): IssuedToken {
  const { access_token: accessToken, expires_in: expiresIn } = (body ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (typeof accessToken !== 'string' || !accessToken) throw new FacebookUnavailableError('no access_token in the answer');
  return { accessToken, expiresIn: typeof expiresIn === 'number' ? expiresIn : undefined };
}
