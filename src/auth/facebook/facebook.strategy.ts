import { Agent as HttpAgent, type Agent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy, type Profile } from 'passport-facebook';
import type { FacebookIdentity } from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import { FacebookUnavailableError } from '../../infrastructure/facebook/facebook.errors.js';
import type { FacebookLoginOptions } from './facebook-login.options.js';

export const FACEBOOK_TIMEOUT_MS = 5000;

/** A keep-alive agent whose sockets are destroyed after `ms` without traffic, failing the request. */
function timeoutAgent(url: string, ms: number): Agent {
  // The agent re-applies its `timeout` to every socket it hands out or takes back.
  const agent = url.startsWith('https:')
    ? new HttpsAgent({ keepAlive: true, timeout: ms })
    : new HttpAgent({ keepAlive: true, timeout: ms });
  const create = agent.createConnection.bind(agent) as (...args: unknown[]) => Socket;
  agent.createConnection = ((...args: unknown[]) => {
    const socket = create(...args);
    socket.on('timeout', () => socket.destroy(new Error(`Facebook did not answer within ${ms} ms`)));
    return socket;
  }) as Agent['createConnection'];
  return agent;
}

/**
 * passport-facebook for sign-in: exchanges the code (POST /oauth/access_token) and reads
 * /me?fields=id,name,email with appsecret_proof. Built by FacebookLoginModule only when a
 * Facebook app is configured, from settings alone. Sessions are not used: the `state` is
 * checked against our own store before passport runs (FacebookCallbackGuard).
 */
export class FacebookStrategy extends PassportStrategy(Strategy, 'facebook') {
  constructor(options: FacebookLoginOptions) {
    super(options);
    // passport's OAuth client has no timeout of its own: a Graph server that hangs must not hold the request.
    (this as unknown as { _oauth2: { setAgent(agent: Agent): void } })._oauth2.setAgent(
      timeoutAgent(options.tokenURL ?? '', FACEBOOK_TIMEOUT_MS),
    );
  }

  /** Keeps only who the person is; the Facebook token is not needed after sign-in and is dropped here. */
  validate(_accessToken: string, _refreshToken: string, profile: Profile): FacebookIdentity {
    if (!profile.id) throw new FacebookUnavailableError('a profile without an id');
    return {
      facebookUserId: String(profile.id),
      name: profile.displayName?.trim().slice(0, 200) || 'Facebook user',
      email: profile.emails?.[0]?.value ?? null,
    };
  }

  /** A 5xx (or rate limit) from the token endpoint is Facebook failing, not Facebook refusing the code. */
  override parseErrorResponse(body: string, status: number): Error | null {
    if (status >= 500 || status === 429) return new FacebookUnavailableError(`HTTP ${status}`);
    return super.parseErrorResponse(body, status);
  }
}
