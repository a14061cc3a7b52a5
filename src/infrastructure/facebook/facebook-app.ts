import type { AppSettings } from '../config/app.config.js';
import { FacebookNotConfiguredError } from './facebook.errors.js';

/** Our Facebook app, when one is configured. */
export interface FacebookApp {
  appId: string;
  appSecret: string;
}

export function configuredFacebookApp(settings: AppSettings): FacebookApp | undefined {
  const { appId, appSecret } = settings.facebook;
  return appId && appSecret ? { appId, appSecret } : undefined;
}

export function requireFacebookApp(settings: AppSettings): FacebookApp {
  const app = configuredFacebookApp(settings);
  if (!app) throw new FacebookNotConfiguredError();
  return app;
}

/**
 * The Facebook Login dialog address for one authorization (sign-in or credential linking): it sends
 * the browser back to `redirectUri` with `code` and our `state`.
 */
export function facebookDialogUrl(dialog: {
  dialogUrl: string;
  appId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
}): string {
  const url = new URL(dialog.dialogUrl);
  url.searchParams.set('client_id', dialog.appId);
  url.searchParams.set('redirect_uri', dialog.redirectUri);
  url.searchParams.set('state', dialog.state);
  url.searchParams.set('scope', dialog.scopes.join(','));
  url.searchParams.set('response_type', 'code');
  return url.toString();
}
