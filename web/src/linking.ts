import { ok } from '@entropy/client';
import { api } from './api';

/**
 * Which organization (and credential, for a re-link) the Facebook dialog was opened for. The
 * callback URL carries only code and state; this is neither secret nor kept past the tab.
 */
const KEY = 'entropy.link';

export interface PendingLink {
  organizationId: string;
  credentialId?: number;
}

export async function startLink(pending: PendingLink): Promise<void> {
  const body = pending.credentialId === undefined ? {} : { credential_id: pending.credentialId };
  const { authorization_url } = await ok(api.POST('/v1/organizations/{id}/credentials/authorize', { params: { path: { id: pending.organizationId } }, body }));
  sessionStorage.setItem(KEY, JSON.stringify(pending));
  window.location.assign(authorization_url);
}

export function readPendingLink(): PendingLink | undefined {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as PendingLink) : undefined;
}

export function clearPendingLink(): void {
  sessionStorage.removeItem(KEY);
}
