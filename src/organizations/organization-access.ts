import type { EntityManager } from 'typeorm';
import type { Principal } from '../common/principal.js';
import { OrganizationNotFoundError, RoleRequiredError, TokenPermissionError } from './organizations.errors.js';
import type { Role } from './domain/role.js';

/** Who may do an action on an organization: member roles, and the token permission (false = never). */
export interface AccessRule {
  roles: readonly Role[];
  token: 'read' | 'write' | 'delete' | false;
}

export const ANY_MEMBER: AccessRule = { roles: ['owner', 'admin', 'member'], token: 'read' };

export interface Access {
  /** The caller's role, null for platform admins who are not members and for tokens. */
  role: Role | null;
}

type Db = Pick<EntityManager, 'query'>;

/**
 * The one access check for organization-scoped routes. An organization the caller may not see
 * is indistinguishable from an absent one (404); 403 only when visible but not allowed.
 */
export async function authorize(db: Db, principal: Principal, organizationId: string, rule: AccessRule): Promise<Access> {
  if (principal.kind === 'token') {
    if (principal.organizationId !== organizationId) throw new OrganizationNotFoundError();
    if (rule.token === false) throw new TokenPermissionError('do this');
    if (!principal[rule.token]) throw new TokenPermissionError(`${rule.token} here`);
    return { role: null };
  }
  const rows: { role: Role | null }[] = await db.query(
    `SELECT m.role FROM organizations o
       LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $2 AND m.status = 'active'
      WHERE o.id = $1`,
    [organizationId, principal.userId],
  );
  if (rows.length === 0) throw new OrganizationNotFoundError();
  const role = rows[0].role;
  if (principal.isAdmin) return { role };
  if (!role) throw new OrganizationNotFoundError();
  if (!rule.roles.includes(role)) throw new RoleRequiredError(rule.roles);
  return { role };
}
