import type { AccessRule } from '../organizations/organization-access.js';

/** Who may do what with an organization's authorization tokens (see the contract's Tokens table). */
export const TOKEN_RULES = {
  /** Listing, issuing and revoking tokens: owners and admins, never a token (it could mint a stronger one). */
  manage: { roles: ['owner', 'admin'], token: false },
} as const satisfies Record<string, AccessRule>;
