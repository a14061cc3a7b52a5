import type { Actor } from './cloud-event.js';

/** A signed-in user, as in the `*_by` fields of event data. */
export const userActor = (id: number): Actor => ({ type: 'user', id });

/** The service acting on its own: a scheduled job, the operator CLI, the first-start bootstrap. */
export const systemActor = (id: string): Actor => ({ type: 'system', id });

/** Facebook's platform callbacks (deauthorize, data deletion) act as the service itself. */
export const FACEBOOK = systemActor('facebook');

export const CREDENTIAL_LIFECYCLE = systemActor('credential-lifecycle');

/** `user:3` → `{ type: 'user', id: 3 }`, `token:<uuid>` → `{ type: 'token', id }` (the credentials' `created_by` form). */
export function parseActor(value: string): Actor | null {
  const [kind, id] = value.split(':', 2);
  if (kind === 'user' && /^\d+$/.test(id ?? '')) return { type: 'user', id: Number(id) };
  if (kind === 'token' && id) return { type: 'token', id };
  if (kind === 'system' && id) return { type: 'system', id };
  return null;
}
