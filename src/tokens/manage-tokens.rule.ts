import type { AccessRule } from '../organizations/organization-access.js';

/** Listing, issuing and revoking tokens: owners and admins, never a token (it could mint a stronger one). */
export const MANAGE_TOKENS: AccessRule = { roles: ['owner', 'admin'], token: false };
