import type { StrategyOptions } from 'passport-facebook';
import type { AppSettings } from '../../infrastructure/config/app.config.js';
import { FacebookLoginNotConfiguredError } from './facebook-login.errors.js';

/** How long a sign-in may take between leaving for the dialog and coming back. */
export const LOGIN_STATE_TTL_SECONDS = 600;

/** What a login `state` is bound to (stored server side, never sent to Facebook). */
export interface LoginStateBinding {
  redirect?: string;
}

export type FacebookLoginOptions = StrategyOptions & { authorizationURL: string; scope: string[] };

/**
 * The one description of our Facebook app for sign-in, built only from settings; the passport
 * strategy and the hand-built dialog redirect share it so they can never disagree. Undefined
 * when no Facebook app is configured.
 */
export function facebookLoginOptions(settings: AppSettings): FacebookLoginOptions | undefined {
  const { appId, appSecret, graphUrl, dialogUrl, loginScopes } = settings.facebook;
  if (!appId || !appSecret) return undefined;
  return {
    clientID: appId,
    clientSecret: appSecret,
    callbackURL: `${settings.publicUrl}/v1/auth/facebook/callback`,
    authorizationURL: dialogUrl,
    tokenURL: `${graphUrl}/oauth/access_token`,
    profileURL: `${graphUrl}/me`,
    // passport-facebook's names for the Graph fields id,name,email ('name' would ask for first/last/middle).
    profileFields: ['id', 'displayName', 'emails'],
    enableProof: true,
    scope: loginScopes,
    scopeSeparator: ',',
  };
}

export function requireFacebookLogin(settings: AppSettings): FacebookLoginOptions {
  const options = facebookLoginOptions(settings);
  if (!options) throw new FacebookLoginNotConfiguredError();
  return options;
}

/** The Facebook login dialog address for one sign-in attempt. */
export function facebookDialogUrl(options: FacebookLoginOptions, state: string): string {
  const url = new URL(options.authorizationURL);
  url.searchParams.set('client_id', options.clientID);
  url.searchParams.set('redirect_uri', options.callbackURL);
  url.searchParams.set('state', state);
  url.searchParams.set('scope', options.scope.join(','));
  url.searchParams.set('response_type', 'code');
  return url.toString();
}
