import type { StrategyOptions } from 'passport-facebook';
import type { LinkTarget } from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import type { AppSettings } from '../../infrastructure/config/app.config.js';
import { configuredFacebookApp, facebookDialogUrl } from '../../infrastructure/facebook/facebook-app.js';
import { FacebookNotConfiguredError } from '../../infrastructure/facebook/facebook.errors.js';

/** How long a sign-in may take between leaving for the dialog and coming back. */
export const LOGIN_STATE_TTL_SECONDS = 600;

/** What a login `state` is bound to (stored server side, never sent to Facebook). */
export interface LoginStateBinding {
  redirect?: string;
  /** SHA-256 of the nonce in the starting browser's login cookie: only that browser can complete the sign-in. */
  nonceHash: string;
  /** Set by `?link=1`: the signed-in caller whose account the Facebook identity is attached to. */
  link?: LinkTarget;
}

export type FacebookLoginOptions = StrategyOptions & { authorizationURL: string; scope: string[] };

/**
 * The one description of our Facebook app for sign-in, built only from settings; the passport
 * strategy and the hand-built dialog redirect share it so they can never disagree. Undefined
 * when no Facebook app is configured.
 */
export function facebookLoginOptions(settings: AppSettings): FacebookLoginOptions | undefined {
  const app = configuredFacebookApp(settings);
  if (!app) return undefined;
  const { graphUrl, dialogUrl, loginScopes } = settings.facebook;
  return {
    clientID: app.appId,
    clientSecret: app.appSecret,
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
  if (!options) throw new FacebookNotConfiguredError();
  return options;
}

/** The Facebook login dialog address for one sign-in attempt. */
export function loginDialogUrl(options: FacebookLoginOptions, state: string): string {
  return facebookDialogUrl({
    dialogUrl: options.authorizationURL,
    appId: options.clientID,
    redirectUri: options.callbackURL,
    scopes: options.scope,
    state,
  });
}
