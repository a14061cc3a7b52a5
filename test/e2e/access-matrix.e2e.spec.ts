import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { OAuthStateStore } from '../../src/infrastructure/security/oauth-state.store.js';
import { SecretBox } from '../../src/infrastructure/security/secret-box.js';
import { webhookSecretIdentity } from '../../src/webhooks/webhook-secret.js';
import { generateToken, hashToken } from '../../src/infrastructure/security/opaque-token.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may call what: every caller kind x every route x {own organization, another organization},
 * each cell against a fresh world so that no cell depends on another. Add a row to ROUTES with
 * every new route: a test fails while a route in /docs-json has neither a row nor an exemption.
 */
const CALLERS = [
  'owner',
  'admin',
  'member',
  'outsider',
  'platformAdmin',
  'tokenR',
  'tokenRW',
  'tokenRWD',
  'expiredToken',
  'revokedToken',
  'anonymous',
] as const;
type Caller = (typeof CALLERS)[number];
type Scope = 'own' | 'other';

interface World {
  orgA: string;
  orgB: string;
  /** A plain member of A (and of B for the other scope) whom member routes act on. */
  target: number;
  /** A spare token of A (and of B) that token routes revoke. */
  spareToken: { A: string; B: string };
  /** A credential linked in A (and in B), for Facebook account RELINKED_FB. */
  credential: { A: number; B: number };
  /** A pending member invitation of A (and of B). */
  invitation: { A: string; B: string };
  /** A webhook endpoint of A (and of B), with one delivery. */
  webhook: { A: string; B: string };
  delivery: { A: string; B: string };
  credentials: Record<Caller, string | undefined>;
}

type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown };

interface Route {
  name: string;
  /** Whether the route acts on an organization (so the other-organization column applies). */
  scoped: boolean;
  request(world: World, org: string, scope: Scope, caller: Caller): Request | Promise<Request>;
  /** Expected status for callers who authenticate, in the caller's own organization. */
  own: Partial<Record<Caller, number>>;
}

const USERS_ALL = (status: number) => ({ owner: status, admin: status, member: status, outsider: status, platformAdmin: status });
const TOKENS = (r: number, rw: number, rwd: number) => ({ tokenR: r, tokenRW: rw, tokenRWD: rwd });

const ROUTES: Route[] = [
  {
    name: 'GET /v1/me',
    scoped: false,
    request: () => ({ method: 'GET', url: '/v1/me' }),
    own: { ...USERS_ALL(200), ...TOKENS(403, 403, 403) },
  },
  {
    name: 'POST /v1/auth/logout',
    scoped: false,
    request: () => ({ method: 'POST', url: '/v1/auth/logout' }),
    own: { ...USERS_ALL(204), ...TOKENS(403, 403, 403) },
  },
  {
    name: 'POST /v1/organizations',
    scoped: false,
    request: () => ({ method: 'POST', url: '/v1/organizations', body: { name: 'Matrix' } }),
    own: { ...USERS_ALL(201), ...TOKENS(403, 403, 403) },
  },
  {
    name: 'GET /v1/organizations',
    scoped: false,
    request: () => ({ method: 'GET', url: '/v1/organizations' }),
    own: { ...USERS_ALL(200), ...TOKENS(200, 200, 200) },
  },
  {
    name: 'GET /v1/organizations/{id}',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}` }),
    own: { owner: 200, admin: 200, member: 200, outsider: 404, platformAdmin: 200, ...TOKENS(200, 200, 200) },
  },
  {
    name: 'PUT /v1/organizations/{id}',
    scoped: true,
    request: (_w, org) => ({ method: 'PUT', url: `/v1/organizations/${org}`, body: { city: 'Lyon' } }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 200, 200) },
  },
  {
    name: 'DELETE /v1/organizations/{id}',
    scoped: true,
    request: (_w, org) => ({ method: 'DELETE', url: `/v1/organizations/${org}` }),
    own: { owner: 204, admin: 403, member: 403, outsider: 404, platformAdmin: 204, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'GET /v1/organizations/{id}/members',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/members` }),
    own: { owner: 200, admin: 200, member: 200, outsider: 404, platformAdmin: 200, ...TOKENS(200, 200, 200) },
  },
  {
    name: 'GET /v1/organizations/{id}/events',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/events?type=member.added` }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(200, 200, 200) },
  },
  {
    name: 'POST /v1/organizations/{id}/members',
    scoped: true,
    request: (_w, org) => ({
      method: 'POST',
      url: `/v1/organizations/${org}/members`,
      body: { email: `new-${randomUUID()}@example.com`, role: 'member' },
    }),
    own: { owner: 201, admin: 201, member: 403, outsider: 404, platformAdmin: 201, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'PATCH /v1/organizations/{id}/members/{userId}',
    scoped: true,
    request: (w, org) => ({ method: 'PATCH', url: `/v1/organizations/${org}/members/${w.target}`, body: { role: 'admin' } }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'DELETE /v1/organizations/{id}/members/{userId}',
    scoped: true,
    request: (w, org) => ({ method: 'DELETE', url: `/v1/organizations/${org}/members/${w.target}` }),
    own: { owner: 204, admin: 204, member: 403, outsider: 404, platformAdmin: 204, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'GET /v1/organizations/{id}/invitations',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/invitations` }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'PATCH /v1/organizations/{id}/invitations/{invitationId}',
    scoped: true,
    request: (w, org, scope) => ({
      method: 'PATCH',
      url: `/v1/organizations/${org}/invitations/${scope === 'own' ? w.invitation.A : w.invitation.B}`,
      body: { role: 'admin' },
    }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'DELETE /v1/organizations/{id}/invitations/{invitationId}',
    scoped: true,
    request: (w, org, scope) => ({
      method: 'DELETE',
      url: `/v1/organizations/${org}/invitations/${scope === 'own' ? w.invitation.A : w.invitation.B}`,
    }),
    own: { owner: 204, admin: 204, member: 403, outsider: 404, platformAdmin: 204, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'POST /v1/organizations/{id}/authorization_tokens',
    scoped: true,
    request: (_w, org) => ({ method: 'POST', url: `/v1/organizations/${org}/authorization_tokens`, body: { description: 'matrix' } }),
    own: { owner: 201, admin: 201, member: 403, outsider: 404, platformAdmin: 201, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'GET /v1/organizations/{id}/authorization_tokens',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/authorization_tokens` }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'DELETE /v1/organizations/{id}/authorization_tokens/{tokenId}',
    scoped: true,
    request: (w, _org, scope) => ({
      method: 'DELETE',
      url: `/v1/organizations/${scope === 'own' ? w.orgA : w.orgB}/authorization_tokens/${scope === 'own' ? w.spareToken.A : w.spareToken.B}`,
    }),
    own: { owner: 204, admin: 204, member: 403, outsider: 404, platformAdmin: 204, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'POST /v1/organizations/{id}/credentials/authorize',
    scoped: true,
    request: (_w, org) => ({ method: 'POST', url: `/v1/organizations/${org}/credentials/authorize` }),
    own: { owner: 201, admin: 201, member: 403, outsider: 404, platformAdmin: 201, ...TOKENS(403, 403, 403) },
  },
  {
    name: 'POST /v1/organizations/{id}/credentials',
    scoped: true,
    request: async (_w, org, _scope, caller) => ({
      method: 'POST',
      url: `/v1/organizations/${org}/credentials`,
      body: await linkBody(org, caller, null, NEW_FB),
    }),
    own: { owner: 201, admin: 201, member: 403, outsider: 404, platformAdmin: 201, ...TOKENS(403, 201, 201) },
  },
  {
    name: 'GET /v1/organizations/{id}/credentials',
    scoped: true,
    request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/credentials` }),
    own: { owner: 200, admin: 200, member: 200, outsider: 404, platformAdmin: 200, ...TOKENS(200, 200, 200) },
  },
  {
    name: 'GET /v1/organizations/{id}/credentials/{credentialId}',
    scoped: true,
    request: (w, org, scope) => ({
      method: 'GET',
      url: `/v1/organizations/${org}/credentials/${scope === 'own' ? w.credential.A : w.credential.B}`,
    }),
    own: { owner: 200, admin: 200, member: 200, outsider: 404, platformAdmin: 200, ...TOKENS(200, 200, 200) },
  },
  {
    name: 'PUT /v1/organizations/{id}/credentials/{credentialId}',
    scoped: true,
    request: async (w, org, scope, caller) => {
      const credentialId = scope === 'own' ? w.credential.A : w.credential.B;
      return {
        method: 'PUT',
        url: `/v1/organizations/${org}/credentials/${credentialId}`,
        body: await linkBody(org, caller, credentialId, RELINKED_FB),
      };
    },
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 200, 200) },
  },
  {
    name: 'DELETE /v1/organizations/{id}/credentials/{credentialId}',
    scoped: true,
    request: (w, org, scope) => ({
      method: 'DELETE',
      url: `/v1/organizations/${org}/credentials/${scope === 'own' ? w.credential.A : w.credential.B}`,
    }),
    own: { owner: 200, admin: 200, member: 403, outsider: 404, platformAdmin: 200, ...TOKENS(403, 403, 200) },
  },
  ...webhookRoutes(),
];

/**
 * Routes no caller kind changes the answer of, so they have no row: each is public (the document
 * says `security: []`, or `{}` among the alternatives), and its own tests cover it.
 */
const EXEMPT: Record<string, string> = {
  'GET /health/live': 'public probe: answers every caller alike',
  'GET /health/ready': 'public probe: answers every caller alike',
  'GET /v1/auth/facebook': 'public sign-in start; ?link=1 needs a user session (facebook-sign-in.e2e)',
  'GET /v1/auth/facebook/callback': 'public: Facebook returns the browser here, bound to the login cookie (facebook-sign-in.e2e)',
  'POST /v1/facebook/deauthorize': "public: Facebook's platform callback, signed with the app secret (credentials-data-deletion.e2e)",
  'POST /v1/facebook/data-deletion': "public: Facebook's platform callback, signed with the app secret (credentials-data-deletion.e2e)",
  'GET /v1/facebook/data-deletion/{code}': 'public status page; the confirmation code is the key (credentials-data-deletion.e2e)',
};
/** Every webhook route: owners, admins and platform admins; never a token (endpoints hold secrets). */
function webhookRoutes(): Route[] {
  const MANAGERS = (status: number) => ({
    owner: status,
    admin: status,
    member: 403,
    outsider: 404,
    platformAdmin: status,
    ...TOKENS(403, 403, 403),
  });
  const hook = (w: World, scope: Scope) => (scope === 'own' ? w.webhook.A : w.webhook.B);
  const base = (w: World, org: string, scope: Scope) => `/v1/organizations/${org}/webhooks/${hook(w, scope)}`;
  return [
    {
      name: 'POST /v1/organizations/{id}/webhooks',
      scoped: true,
      request: (_w, org) => ({
        method: 'POST',
        url: `/v1/organizations/${org}/webhooks`,
        body: { url: 'https://hooks.example.com/matrix', enabled: false },
      }),
      own: MANAGERS(201),
    },
    {
      name: 'GET /v1/organizations/{id}/webhooks',
      scoped: true,
      request: (_w, org) => ({ method: 'GET', url: `/v1/organizations/${org}/webhooks` }),
      own: MANAGERS(200),
    },
    {
      name: 'GET /v1/organizations/{id}/webhooks/{webhookId}',
      scoped: true,
      request: (w, org, scope) => ({ method: 'GET', url: base(w, org, scope) }),
      own: MANAGERS(200),
    },
    {
      name: 'PATCH /v1/organizations/{id}/webhooks/{webhookId}',
      scoped: true,
      request: (w, org, scope) => ({ method: 'PATCH', url: base(w, org, scope), body: { description: 'matrix' } }),
      own: MANAGERS(200),
    },
    {
      name: 'DELETE /v1/organizations/{id}/webhooks/{webhookId}',
      scoped: true,
      request: (w, org, scope) => ({ method: 'DELETE', url: base(w, org, scope) }),
      own: MANAGERS(204),
    },
    {
      name: 'GET /v1/organizations/{id}/webhooks/{webhookId}/secret',
      scoped: true,
      request: (w, org, scope) => ({ method: 'GET', url: `${base(w, org, scope)}/secret` }),
      own: MANAGERS(200),
    },
    {
      name: 'POST /v1/organizations/{id}/webhooks/{webhookId}/rotate_secret',
      scoped: true,
      request: (w, org, scope) => ({ method: 'POST', url: `${base(w, org, scope)}/rotate_secret` }),
      own: MANAGERS(201),
    },
    {
      name: 'POST /v1/organizations/{id}/webhooks/{webhookId}/ping',
      scoped: true,
      request: (w, org, scope) => ({ method: 'POST', url: `${base(w, org, scope)}/ping` }),
      own: MANAGERS(202),
    },
    {
      name: 'GET /v1/organizations/{id}/webhooks/{webhookId}/deliveries',
      scoped: true,
      request: (w, org, scope) => ({ method: 'GET', url: `${base(w, org, scope)}/deliveries` }),
      own: MANAGERS(200),
    },
    {
      name: 'POST /v1/organizations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/retry',
      scoped: true,
      request: (w, org, scope) => ({
        method: 'POST',
        url: `${base(w, org, scope)}/deliveries/${scope === 'own' ? w.delivery.A : w.delivery.B}/retry`,
      }),
      own: MANAGERS(202),
    },
  ];
}

/** The contract's answer for a caller, a route and a scope. */
function expected(route: Route, caller: Caller, scope: Scope): number {
  if (caller === 'anonymous' || caller === 'expiredToken' || caller === 'revokedToken') return 401;
  const own = route.own[caller];
  assert.ok(own, `${route.name} has no expectation for ${caller}`);
  // In an organization the caller is not part of, only platform admins see anything.
  if (route.scoped && scope === 'other' && caller !== 'platformAdmin') return 404;
  return own;
}

const NEW_FB = '20000000001';
const RELINKED_FB = '20000000002';

let t: TestApp;
let fb: FakeFacebook;
const users: Partial<Record<'owner' | 'admin' | 'member' | 'outsider' | 'platformAdmin' | 'otherOwner', number>> = {};

/**
 * A valid `{code, state}` as the dialog would give it: the state bound to this organization (and
 * credential) and to the caller, or, for a token, to the owner who started the dialog.
 */
async function linkBody(org: string, caller: Caller, credentialId: number | null, facebookUserId: string) {
  const userId = (caller in users ? users[caller as keyof typeof users] : users.owner)!;
  const { state } = await t.app.get(OAuthStateStore).issue('link', { organizationId: org, userId, credentialId }, 600);
  return { code: fb.issueCode({ userId: facebookUserId, redirectUri: 'http://app.test/facebook/callback' }), state };
}

async function insertCredential(org: string): Promise<number> {
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO credentials (organization_id, facebook_user_id, name, status, scopes, created_by)
     VALUES ($1, $2, 'Matrix account', 'active', '{public_profile}', 'user:0') RETURNING id`,
    [org, RELINKED_FB],
  );
  return id;
}

async function insertInvitation(org: string): Promise<string> {
  const [{ invitation_id: id }] = await t.dataSource.query(
    `INSERT INTO memberships (organization_id, email, role, status, invitation_id, expires_at)
     VALUES ($1, $2, 'member', 'pending', gen_random_uuid(), now() + interval '1 day') RETURNING invitation_id`,
    [org, `invited-${randomUUID()}@example.com`],
  );
  return id;
}

/** A disabled endpoint (nothing is sent during the matrix) with its sealed secret and one failed delivery. */
async function insertWebhook(org: string): Promise<{ webhook: string; delivery: string }> {
  const webhook = randomUUID();
  await t.dataSource.query(
    `INSERT INTO webhook_endpoints (id, organization_id, url, event_types, enabled, start_sequence) VALUES ($1, $2, 'https://hooks.example.com/x', '{*}', false, 0)`,
    [webhook, org],
  );
  const [{ id }] = await t.dataSource.query(`SELECT nextval(pg_get_serial_sequence('webhook_secrets', 'id'))::int AS id`);
  await t.dataSource.query('INSERT INTO webhook_secrets (id, endpoint_id, encrypted_secret) VALUES ($1, $2, $3)', [
    id,
    webhook,
    t.app.get(SecretBox).encrypt('whsec_bWF0cml4bWF0cml4bWF0cml4bWF0cml4', webhookSecretIdentity(id)),
  ]);
  const delivery = randomUUID();
  await t.dataSource.query(
    `INSERT INTO webhook_deliveries (id, endpoint_id, organization_id, event_id, event_type, status, attempts)
     VALUES ($1, $2, $3, gen_random_uuid(), 'tech.entropy.organization.updated', 'failed', 8)`,
    [delivery, webhook, org],
  );
  return { webhook, delivery };
}

async function insertOrg(): Promise<string> {
  const id = randomUUID();
  await t.dataSource.query('INSERT INTO organizations (id, name, vanity_slug) VALUES ($1, $2, $3)', [id, 'Matrix org', `matrix-${id}`]);
  return id;
}

async function insertToken(org: string, flags: [boolean, boolean, boolean], state: 'valid' | 'expired' | 'revoked' = 'valid') {
  const token = generateToken('organization');
  const [row] = await t.dataSource.query(
    `INSERT INTO authorization_tokens (organization_id, token_hash, token_hint, read_enabled, write_enabled, delete_enabled, expires_at, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      org,
      hashToken(token),
      token.slice(-4),
      ...flags,
      state === 'expired' ? new Date(Date.now() - 1000) : null,
      state === 'revoked' ? new Date() : null,
    ],
  );
  return { token, id: row.id as string };
}

async function session(userId: number): Promise<string> {
  const token = generateToken('session');
  await t.dataSource.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
    userId,
    hashToken(token),
  ]);
  return token;
}

/** Two organizations: A with owner/admin/member and tokens of every kind; B owned by someone else. */
async function freshWorld(withWebhooks: boolean): Promise<World> {
  const [orgA, orgB] = [await insertOrg(), await insertOrg()];
  const [{ id: target }] = await t.dataSource.query(`INSERT INTO users (email, name) VALUES ($1, 'Target') RETURNING id`, [
    `target-${randomUUID()}@example.com`,
  ]);
  const members: [string, number, string][] = [
    [orgA, users.owner!, 'owner'],
    [orgA, users.admin!, 'admin'],
    [orgA, users.member!, 'member'],
    [orgA, target, 'member'],
    [orgB, users.otherOwner!, 'owner'],
    [orgB, target, 'member'],
  ];
  for (const [org, user, role] of members) {
    await t.dataSource.query(
      `INSERT INTO memberships (organization_id, user_id, role, status, joined_at) VALUES ($1, $2, $3, 'active', now())`,
      [org, user, role],
    );
  }
  const credentials: Record<Caller, string | undefined> = {
    owner: await session(users.owner!),
    admin: await session(users.admin!),
    member: await session(users.member!),
    outsider: await session(users.outsider!),
    platformAdmin: await session(users.platformAdmin!),
    tokenR: (await insertToken(orgA, [true, false, false])).token,
    tokenRW: (await insertToken(orgA, [true, true, false])).token,
    tokenRWD: (await insertToken(orgA, [true, true, true])).token,
    expiredToken: (await insertToken(orgA, [true, true, true], 'expired')).token,
    revokedToken: (await insertToken(orgA, [true, true, true], 'revoked')).token,
    anonymous: undefined,
  };
  const spareToken = { A: (await insertToken(orgA, [true, false, false])).id, B: (await insertToken(orgB, [true, false, false])).id };
  const credential = { A: await insertCredential(orgA), B: await insertCredential(orgB) };
  const invitation = { A: await insertInvitation(orgA), B: await insertInvitation(orgB) };
  // Only the webhook routes need an endpoint: the other cells skip its inserts.
  const none = { webhook: '', delivery: '' };
  const [hookA, hookB] = withWebhooks ? [await insertWebhook(orgA), await insertWebhook(orgB)] : [none, none];
  const webhook = { A: hookA.webhook, B: hookB.webhook };
  const delivery = { A: hookA.delivery, B: hookB.delivery };
  return { orgA, orgB, target, spareToken, credential, invitation, webhook, delivery, credentials };
}

before(async () => {
  fb = await startFakeFacebook();
  fb.addUser({ id: NEW_FB, name: 'New Account' });
  fb.addUser({ id: RELINKED_FB, name: 'Relinked Account' });
  t = await startTestApp(fb.env());
  for (const name of ['owner', 'admin', 'member', 'outsider', 'platformAdmin', 'otherOwner'] as const) {
    users[name] = (await t.user(`${name.toLowerCase()}@matrix.test`, { admin: name === 'platformAdmin' })).id;
  }
});
after(async () => {
  await t.close();
  await fb.close();
});

test('the matrix has a row for every route in /docs-json, or a public route exempt with its reason', async () => {
  const doc = (await call(t.app, 'GET', '/docs-json')).body as { paths: Record<string, Record<string, { security?: object[] }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, security: operation.security })),
  );
  const rows = new Set(ROUTES.map((route) => route.name));
  assert.deepEqual(
    documented.filter(({ name }) => !rows.has(name) && !(name in EXEMPT)).map(({ name }) => name),
    [],
    'add a row to ROUTES for each new route',
  );
  const names = documented.map(({ name }) => name);
  assert.deepEqual(
    [...rows, ...Object.keys(EXEMPT)].filter((name) => !names.includes(name)),
    [],
    'rows or exemptions for routes that do not exist',
  );
  for (const { name, security } of documented.filter(({ name }) => name in EXEMPT)) {
    assert.ok(
      security?.length === 0 || security?.some((alternative) => Object.keys(alternative).length === 0),
      `${name} is exempt but not public`,
    );
  }
});

for (const route of ROUTES) {
  describe(route.name, () => {
    for (const scope of route.scoped ? (['own', 'other'] as const) : (['own'] as const)) {
      test(`${scope} organization: every caller gets the contract's status`, async () => {
        const mismatches: string[] = [];
        for (const caller of CALLERS) {
          const world = await freshWorld(route.name.includes('/webhooks'));
          const org = scope === 'own' ? world.orgA : world.orgB;
          const { method, url, body } = await route.request(world, org, scope, caller);
          const res = await call(t.app, method, url, { token: world.credentials[caller], body });
          const want = expected(route, caller, scope);
          if (res.status !== want) mismatches.push(`${caller}: got ${res.status}, want ${want} (${res.body?.code ?? ''})`);
          if (res.status >= 400) assert.equal(typeof res.body?.message, 'string', `${caller}: error body`);
        }
        assert.deepEqual(mismatches, []);
      });
    }
  });
}
