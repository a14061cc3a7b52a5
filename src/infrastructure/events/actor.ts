import type { Actor } from './cloud-event.js';

/** `user:3` → `{ type: 'user', id: 3 }`, `token:<uuid>` → `{ type: 'token', id }` (the credentials' `created_by` form). */
export function parseActor(value: string): Actor | null {
  const [kind, id] = value.split(':', 2);
  if (kind === 'user' && /^\d+$/.test(id ?? '')) return { type: 'user', id: Number(id) };
  if (kind === 'token' && id) return { type: 'token', id };
  if (kind === 'system' && id) return { type: 'system', id };
  return null;
}
