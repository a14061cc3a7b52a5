import type { AccessRule } from '../organizations/organization-access.js';

/** Who may do what with an organization's credentials (see the contract's Credentials table). */
export const CREDENTIAL_RULES = {
  read: { roles: ['owner', 'admin', 'member'], token: 'read' },
  /** Starting the Facebook dialog is for people: authorization tokens cannot. */
  authorize: { roles: ['owner', 'admin'], token: false },
  write: { roles: ['owner', 'admin'], token: 'write' },
  delete: { roles: ['owner', 'admin'], token: 'delete' },
} as const satisfies Record<string, AccessRule>;
