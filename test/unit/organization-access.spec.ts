import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TokenPrincipal, UserPrincipal } from '../../src/common/principal.js';
import { CREDENTIAL_RULES } from '../../src/credentials/credentials.access.js';
import { EVENT_RULES } from '../../src/events/events.access.js';
import type { Role } from '../../src/organizations/domain/role.js';
import { allow, authorize, type AccessRule } from '../../src/organizations/organization-access.js';
import { ORGANIZATION_RULES } from '../../src/organizations/organizations.access.js';
import { OrganizationNotFoundError, RoleRequiredError, TokenPermissionError } from '../../src/organizations/organizations.errors.js';
import { TOKEN_RULES } from '../../src/tokens/tokens.access.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const user: UserPrincipal = { kind: 'user', userId: 7, isAdmin: false, sessionId: 's' };
const platformAdmin: UserPrincipal = { ...user, isAdmin: true };
const fullToken: TokenPrincipal = { kind: 'token', tokenId: 't', organizationId: ORG, read: true, write: true, delete: true };

/** A database that answers authorize's one query with the caller's role as `gate` (undefined: no organization). */
function db(role: Role | null | undefined) {
  return { query: async () => (role === undefined ? [] : [{ gate: role }]) } as never;
}

const PEOPLE_ONLY: [string, AccessRule][] = [
  ['organizations.delete', ORGANIZATION_RULES.delete],
  ['organizations.manageMembers', ORGANIZATION_RULES.manageMembers],
  ['organizations.removeMember', ORGANIZATION_RULES.removeMember],
  ['tokens.manage', TOKEN_RULES.manage],
  ['credentials.authorize', CREDENTIAL_RULES.authorize],
];

// Why handlers need no `principal.kind !== 'user'` check after authorize() with these rules: a token,
// even one with every permission, never gets past them, and what passes is returned as the user.
for (const [name, rule] of PEOPLE_ONLY) {
  test(`${name}: no token passes, whatever its permissions; a person passes as the user`, async () => {
    assert.equal(rule.token, false);
    await assert.rejects(authorize(db('owner'), fullToken, ORG, rule), TokenPermissionError);
    const access = await authorize(db(rule.roles[0]), user, ORG, rule);
    assert.equal(access.user, user);
  });
}

test('a token is scoped to its organization: another one is not found, before its permissions are looked at', async () => {
  await assert.rejects(authorize(db('owner'), fullToken, OTHER, ORGANIZATION_RULES.read), OrganizationNotFoundError);
  await assert.rejects(authorize(db('owner'), fullToken, OTHER, TOKEN_RULES.manage), OrganizationNotFoundError);
});

test('a token needs the permission the rule names', async () => {
  const readOnly: TokenPrincipal = { ...fullToken, write: false, delete: false };
  assert.deepEqual(await authorize(db(undefined), readOnly, ORG, EVENT_RULES.read), { role: null, user: null });
  await assert.rejects(authorize(db(undefined), readOnly, ORG, CREDENTIAL_RULES.write), /may not write here/);
  await assert.rejects(authorize(db(undefined), readOnly, ORG, CREDENTIAL_RULES.delete), /may not delete here/);
});

test('a non-member does not see the organization (404); a member without the role is refused (403)', async () => {
  await assert.rejects(authorize(db(null), user, ORG, ORGANIZATION_RULES.read), OrganizationNotFoundError);
  await assert.rejects(authorize(db(undefined), user, ORG, ORGANIZATION_RULES.read), OrganizationNotFoundError);
  await assert.rejects(authorize(db('member'), user, ORG, ORGANIZATION_RULES.update), RoleRequiredError);
  await assert.rejects(authorize(db('admin'), user, ORG, ORGANIZATION_RULES.delete), RoleRequiredError);
});

test('a platform admin passes every rule of an existing organization, member or not, with their own role', async () => {
  assert.deepEqual(await authorize(db(null), platformAdmin, ORG, ORGANIZATION_RULES.delete), { role: null, user: platformAdmin });
  assert.deepEqual(await authorize(db('member'), platformAdmin, ORG, TOKEN_RULES.manage), { role: 'member', user: platformAdmin });
  await assert.rejects(authorize(db(undefined), platformAdmin, ORG, ORGANIZATION_RULES.read), OrganizationNotFoundError);
});

test('allow() applies the same rule to a row a handler read itself (GET of an organization)', () => {
  assert.deepEqual(allow(user, ORG, ORGANIZATION_RULES.read, { role: 'member' }), { role: 'member', user });
  assert.throws(() => allow(user, ORG, ORGANIZATION_RULES.read, { role: null }), OrganizationNotFoundError);
  assert.throws(() => allow(user, ORG, ORGANIZATION_RULES.read, undefined), OrganizationNotFoundError);
  assert.throws(() => allow({ ...fullToken, read: false }, ORG, ORGANIZATION_RULES.read), TokenPermissionError);
});
