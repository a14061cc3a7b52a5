import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeRedirect } from '../../src/auth/commands/start-facebook-login/start-facebook-login.handler.js';
import { FacebookLoginEnabledGuard } from '../../src/auth/facebook/facebook-login-enabled.guard.js';
import { facebookLoginOptions, loginDialogUrl } from '../../src/auth/facebook/facebook-login.options.js';
import { FacebookStrategy } from '../../src/auth/facebook/facebook.strategy.js';
import { csrfTokenFor, loginNonceHash, newLoginNonce } from '../../src/auth/session-cookie.js';
import { FacebookConfiguredGuard } from '../../src/credentials/facebook/facebook-configured.guard.js';
import { FacebookGraphClient, FacebookGraphOptions } from '../../src/credentials/facebook/facebook-graph.client.js';
import { parseSettings } from '../../src/infrastructure/config/app.config.js';
import { ValidationFailedError } from '../../src/infrastructure/errors/domain-error.js';
import { FacebookNotConfiguredError, FacebookUnavailableError } from '../../src/infrastructure/facebook/facebook.errors.js';

const env = {
  PUBLIC_URL: 'https://api.example.com',
  WEB_APP_URL: 'https://app.example.com',
  FACEBOOK_APP_ID: '42',
  FACEBOOK_APP_SECRET: 'shh',
  FACEBOOK_GRAPH_URL: 'https://graph.example.com/v25.0',
  FACEBOOK_DIALOG_URL: 'https://www.example.com/v25.0/dialog/oauth',
};

test('the strategy options come from settings only, and are absent without a Facebook app', () => {
  const options = facebookLoginOptions(parseSettings(env));
  assert.ok(options);
  assert.equal(options.clientID, '42');
  assert.equal(options.callbackURL, 'https://api.example.com/v1/auth/facebook/callback');
  assert.equal(options.tokenURL, 'https://graph.example.com/v25.0/oauth/access_token');
  assert.equal(options.profileURL, 'https://graph.example.com/v25.0/me');
  assert.equal(options.enableProof, true);
  assert.deepEqual(options.scope, ['email', 'public_profile']);
  assert.equal(facebookLoginOptions(parseSettings({ ...env, FACEBOOK_APP_ID: '', FACEBOOK_APP_SECRET: '' })), undefined);
});

test('the dialog URL carries exactly client_id, redirect_uri, state, scope and response_type', () => {
  const url = new URL(loginDialogUrl(facebookLoginOptions(parseSettings(env))!, 'st4te'));
  assert.equal(`${url.origin}${url.pathname}`, 'https://www.example.com/v25.0/dialog/oauth');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: '42',
    redirect_uri: 'https://api.example.com/v1/auth/facebook/callback',
    state: 'st4te',
    scope: 'email,public_profile',
    response_type: 'code',
  });
});

test('only the web app origin is a post-login destination', () => {
  assert.equal(safeRedirect('https://app.example.com/orgs?x=1', 'https://app.example.com'), 'https://app.example.com/orgs?x=1');
  assert.equal(safeRedirect('/settings', 'https://app.example.com'), 'https://app.example.com/settings');
  for (const bad of [
    'https://evil.example/',
    '//evil.example/',
    'http://app.example.com/',
    'https://app.example.com.evil.example/',
    'javascript:alert(1)',
    '/\\evil.example',
  ]) {
    assert.throws(() => safeRedirect(bad, 'https://app.example.com'), ValidationFailedError, bad);
  }
});

test('the CSRF token is tied to the session token', () => {
  assert.equal(csrfTokenFor('ent_s_a'), csrfTokenFor('ent_s_a'));
  assert.notEqual(csrfTokenFor('ent_s_a'), csrfTokenFor('ent_s_b'));
  assert.equal(csrfTokenFor('ent_s_a').includes('ent_s_a'), false);
});

test('the login nonce: random, and only its hash is kept', () => {
  const a = newLoginNonce();
  const b = newLoginNonce();
  assert.notEqual(a.nonce, b.nonce);
  assert.match(a.nonce, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(a.nonceHash, loginNonceHash(a.nonce));
  assert.equal(a.nonceHash.includes(a.nonce), false);
});

test('sign-in and credentials share one Facebook vocabulary: the dialog URL and the errors', () => {
  const settings = parseSettings(env);
  const options = facebookLoginOptions(settings)!;
  const graph = new FacebookGraphClient(settings, new FacebookGraphOptions());
  assert.equal(graph.dialogUrl('st4te', options.callbackURL, options.scope), loginDialogUrl(options, 'st4te'));

  const unconfigured = parseSettings({ ...env, FACEBOOK_APP_ID: '', FACEBOOK_APP_SECRET: '' });
  const refusals = [
    () => new FacebookLoginEnabledGuard(unconfigured).canActivate(),
    () => new FacebookConfiguredGuard(new FacebookGraphClient(unconfigured, new FacebookGraphOptions())).canActivate(),
  ];
  for (const refuse of refusals) {
    assert.throws(refuse, (error: unknown) => {
      assert.ok(error instanceof FacebookNotConfiguredError);
      assert.equal(error.code, 'FACEBOOK.NOT_CONFIGURED');
      assert.match(error.message, /FACEBOOK_APP_ID/);
      return true;
    });
  }

  const failed = new FacebookStrategy(options).parseErrorResponse('<html>down</html>', 503);
  assert.ok(failed instanceof FacebookUnavailableError);
  assert.equal(failed.code, 'FACEBOOK.UNAVAILABLE');
  assert.match(failed.message, /HTTP 503/);
});
