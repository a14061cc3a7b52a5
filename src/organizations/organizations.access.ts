import type { AccessRule } from './organization-access.js';

/** Who may do what with an organization and its members (see the contract's Organizations and Members tables). */
export const ORGANIZATION_RULES = {
  /** Seeing the organization, listing them, listing its members. */
  read: { roles: ['owner', 'admin', 'member'], token: 'read' },
  update: { roles: ['owner', 'admin'], token: 'write' },
  /** Owners only, in a session of their own: no token, whatever its flags, deletes the organization it acts for. */
  delete: { roles: ['owner'], token: false },
  /** Adding, changing and removing members, and seeing the invitations: owners and admins; never an authorization token. */
  manageMembers: { roles: ['owner', 'admin'], token: false },
  /** Any member may leave; Membership.remove decides who may remove someone else. */
  removeMember: { roles: ['owner', 'admin', 'member'], token: false },
} as const satisfies Record<string, AccessRule>;
