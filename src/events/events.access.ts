import type { AccessRule } from '../organizations/organization-access.js';

/** The feed holds every change of the organization (members, tokens): owners, admins and tokens that may read. */
export const EVENT_RULES = {
  read: { roles: ['owner', 'admin'], token: 'read' },
} as const satisfies Record<string, AccessRule>;
