import type { Principal } from '../common/principal.js';
import { FacebookUnavailableError } from '../infrastructure/facebook/facebook.errors.js';
import { InvalidOAuthStateError, type OAuthStateStore } from '../infrastructure/security/oauth-state.store.js';

/** What a credential-linking `state` is bound to. */
export interface LinkStateBinding {
  organizationId: string;
  userId: number;
  credentialId: number | null;
}

export const LINK_STATE_TTL_SECONDS = 600;

/**
 * Consumes the state (single use, atomically) and checks it was issued for this organization and
 * this credential (or none, for a new link), and to this user when a user completes it. An
 * authorization token may complete a state issued by a person of its organization: tokens cannot
 * start the dialog themselves.
 */
export async function consumeLinkState(
  states: OAuthStateStore,
  state: string,
  expected: { principal: Principal; organizationId: string; credentialId: number | null },
): Promise<LinkStateBinding> {
  const binding = await states.consume<LinkStateBinding>('link', state);
  if (binding.organizationId !== expected.organizationId) {
    throw new InvalidOAuthStateError('The OAuth state was issued for another organization; start the authorization again');
  }
  if (binding.credentialId !== expected.credentialId) {
    throw new InvalidOAuthStateError(
      expected.credentialId === null
        ? 'The OAuth state was issued to re-link a credential; send it with PUT to that credential'
        : 'The OAuth state was not issued to re-link this credential; start the authorization again',
    );
  }
  if (expected.principal.kind === 'user' && binding.userId !== expected.principal.userId) {
    throw new InvalidOAuthStateError('The OAuth state was issued to another user; start the authorization again');
  }
  return binding;
}

/**
 * Runs the Facebook verification of a consumed state, releasing the state if Facebook was unavailable
 * (the client's retry then gets a real second attempt). Whether the code still works is Facebook's
 * to say; a refusal there spends the state for good.
 */
export async function verifyReleasingState<T>(states: OAuthStateStore, state: string, verify: () => Promise<T>): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    if (error instanceof FacebookUnavailableError) await states.release('link', state);
    throw error;
  }
}

export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}
