import type { EntityManager } from 'typeorm';
import type { Principal, TokenPrincipal, UserPrincipal } from '../common/principal.js';
import { OrganizationNotFoundError, RoleRequiredError, TokenPermissionError } from './organizations.errors.js';
import type { Role } from './domain/role.js';
import { runRead, type Gate, type Read } from '../infrastructure/database/list-counts.js';

/** Who may do an action on an organization: member roles, and the token permission (false = never). */
export interface AccessRule {
  roles: readonly Role[];
  token: 'read' | 'write' | 'delete' | false;
}

/** A rule no authorization token passes: whoever it lets through is a person. */
export type PeopleOnlyRule = AccessRule & { token: false };

export interface Access {
  /** The caller's role, null for platform admins who are not members and for tokens. */
  role: Role | null;
  /** The caller when a person (a session), null for a token. */
  user: UserPrincipal | null;
}

/** What a PeopleOnlyRule grants: the caller is a person, by construction. */
export interface PersonAccess extends Access {
  user: UserPrincipal;
}

type Db = Pick<EntityManager, 'query'>;

/**
 * One row when organization `organization` exists: `user`'s active role in it as `gate` (NULL when
 * not a member), and as `open` whether the caller may see the organization at all: a member, or
 * `open` (a platform admin, or a token of this organization).
 */
const accessRow = (organization: string, user: string, open = 'false') =>
  `SELECT m.role AS gate, (m.role IS NOT NULL OR ${open}::boolean) AS open FROM organizations o
     LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = ${user} AND m.status = 'active'
    WHERE o.id = ${organization}`;

/**
 * The one access check for organization-scoped routes. An organization the caller may not see
 * is indistinguishable from an absent one (404); 403 only when visible but not allowed.
 */
export function authorize(db: Db, principal: Principal, organizationId: string, rule: PeopleOnlyRule): Promise<PersonAccess>;
export function authorize(db: Db, principal: Principal, organizationId: string, rule: AccessRule): Promise<Access>;
export async function authorize(db: Db, principal: Principal, organizationId: string, rule: AccessRule): Promise<Access> {
  if (principal.kind === 'token') return allow(principal, organizationId, rule);
  const rows: { gate: Role | null }[] = await db.query(accessRow('$1', '$2'), [organizationId, principal.userId]);
  return allow(principal, organizationId, rule, rows[0] && { role: rows[0].gate });
}

/** The caller's access to organization $1 as a gate of a read (runRead). */
export const accessGate = (principal: Principal): Gate => ({
  text: (first) => accessRow('$1', `$${first}`, `$${first + 1}`),
  values: principal.kind === 'user' ? [principal.userId, principal.isAdmin] : [null, true],
});

/**
 * A read of organization-scoped rows authorized in the same statement (runRead's gate): one round
 * trip instead of the check and then the read. `rows` must take the organization as `$1`. A token
 * of another organization is refused before any query, and a caller who may not see the
 * organization costs the database no more than the check (the gate is shut); rows read for a
 * member the rule then refuses (403) are dropped unseen.
 */
export async function readAuthorized<Row>(
  db: Db,
  principal: Principal,
  organizationId: string,
  rule: AccessRule,
  rows: [string, unknown[]],
  count?: [string, unknown[]],
): Promise<Read<Row>> {
  if (principal.kind === 'token') allow(principal, organizationId, rule);
  if (rows[1][0] !== organizationId) throw new Error('an authorized read takes its organization as $1');
  const read = await runRead<Row>(db, rows, { count, gate: accessGate(principal) });
  allow(principal, organizationId, rule, read.gate && { role: read.gate.value as Role | null });
  // A token's organization deleted since the token was resolved.
  if (!read.gate) throw new OrganizationNotFoundError();
  return read;
}

/**
 * The rule applied to what is known of the caller, for a handler that reads the organization and
 * the caller's membership in its own query: `found` is that row (the caller's active role, null
 * when not a member), undefined when there is no such organization. A token needs no row.
 */
export function allow(principal: Principal, organizationId: string, rule: AccessRule, found?: { role?: Role | null }): Access {
  if (principal.kind === 'token') {
    if (principal.organizationId !== organizationId) throw new OrganizationNotFoundError();
    allowToken(principal, rule);
    return { role: null, user: null };
  }
  if (!found) throw new OrganizationNotFoundError();
  const role = found.role ?? null;
  if (principal.isAdmin) return { role, user: principal };
  if (!role) throw new OrganizationNotFoundError();
  if (!rule.roles.includes(role)) throw new RoleRequiredError(rule.roles);
  return { role, user: principal };
}

/** The token half of a rule, for what is not scoped to one organization (listing them). */
export function allowToken(principal: TokenPrincipal, rule: AccessRule): void {
  if (rule.token === false) throw new TokenPermissionError('do this');
  if (!principal[rule.token]) throw new TokenPermissionError(`${rule.token} here`);
}
