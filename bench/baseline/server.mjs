// The bare baseline of `npm run bench`: Fastify + pg answering the bench's routes with the
// service's statements (statements.mjs), the same SHA-256 token lookup, JSON and headers, and
// nothing else (no framework pipeline, no validation library, no logging).
// Env: PORT, DATABASE_URL, PUBLIC_URL.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { hashToken, tokenKind } from '../../dist/src/infrastructure/security/opaque-token.js';
import * as sql from './statements.mjs';

const port = Number(process.env.PORT);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const TIMEOUT = 5000;
// The service's pool: 10 connections, the same session settings (src/infrastructure/database/data-source.options.ts).
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  application_name: 'entropy-baseline',
  connectionTimeoutMillis: TIMEOUT,
  statement_timeout: TIMEOUT,
  lock_timeout: TIMEOUT,
  idle_in_transaction_session_timeout: 20_000,
  options: '-c plan_cache_mode=force_custom_plan',
  keepAlive: true,
});

// The headers every answer of the service carries (helmet, CORS with no Origin, rate-limit headers).
const STATIC_HEADERS = {
  vary: 'Origin',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers':
    'Link, X-Total-Count, ETag, X-Request-Id, Idempotent-Replayed, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
  'Content-Security-Policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};
const LIMIT = Number(process.env.RATE_LIMIT_PER_MINUTE ?? 1200);
const hits = new Map();

const app = Fastify({ genReqId: () => randomUUID() });
app.addHook('onRequest', async (request, reply) => {
  reply.headers(STATIC_HEADERS);
  reply.header('x-request-id', request.id);
});

class Unauthenticated extends Error {}

/** The service's guard: bearer token → principal by its SHA-256, and the rate-limit headers. */
async function principal(request, reply) {
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match || tokenKind(match[1]) !== 'session') throw new Unauthenticated();
  const { rows } = await pool.query(sql.SESSION, [hashToken(match[1])]);
  if (!rows[0]) throw new Unauthenticated();
  const used = (hits.get(rows[0].user_id) ?? 0) + 1;
  hits.set(rows[0].user_id, used);
  reply
    .header('ratelimit-limit', LIMIT)
    .header('ratelimit-remaining', Math.max(0, LIMIT - used))
    .header('ratelimit-reset', 60);
  return { userId: rows[0].user_id, isAdmin: rows[0].is_admin };
}

app.setErrorHandler((error, request, reply) => {
  if (error instanceof Unauthenticated) {
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="entropy"')
      .send({ code: 'AUTH.UNAUTHENTICATED', message: 'Authentication required', request_id: request.id });
  }
  if (error.validation) return reply.code(400).send({ code: 'VALIDATION.FAILED', message: error.message, request_id: request.id });
  return reply.code(500).send({ code: 'INTERNAL', message: 'Internal error', request_id: request.id });
});

const iso = (value) => (value ? new Date(value).toISOString() : null);
function organization(row) {
  const { version: _v, role, k_ts: _k, ...fields } = row;
  const location = [row.address, row.city, row.state_or_province, row.zip_or_postal_code, row.country]
    .filter((p) => p && p.trim())
    .join(' ');
  return {
    ...fields,
    currency: row.currency?.trim() ?? null,
    location: location || null,
    vanity_url: `${publicUrl}/org/${row.vanity_slug}`,
    verified_at: iso(row.verified_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    role: role ?? null,
  };
}
const cursor = (key) => Buffer.from(JSON.stringify(key)).toString('base64url');
function page(request, reply, rows, per, total, keyOf) {
  reply.header('X-Total-Count', String(total));
  if (rows.length > per) {
    rows = rows.slice(0, per);
    const url = new URL(request.url, 'http://placeholder');
    url.searchParams.set('per', String(per));
    url.searchParams.set('cursor', cursor(keyOf(rows[rows.length - 1])));
    reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return rows;
}
const perOf = (query) => Math.min(100, Math.max(1, Number(query.per ?? 50) || 50));

app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/health/ready', async () => {
  await pool.query('SELECT name FROM schema_migrations');
  return { status: 'ok', database: 'up', migrations: 'up' };
});

app.get('/v1/me', async (request, reply) => {
  const { userId } = await principal(request, reply);
  return (await pool.query(sql.ME, [userId])).rows[0];
});

app.get('/v1/organizations/:id', async (request, reply) => {
  const who = await principal(request, reply);
  const { rows } = await pool.query(sql.GET_ORGANIZATION, [request.params.id, who.userId]);
  if (!rows[0] || !(who.isAdmin || rows[0].role))
    return reply.code(404).send({ code: 'ORGANIZATIONS.NOT_FOUND', message: 'Organization not found', request_id: request.id });
  reply.header('etag', `"${rows[0].version}"`);
  return organization(rows[0]);
});

/** The rows of a one-statement list (statements.mjs: oneStatement), its total and its gate. */
function listOf(result) {
  const first = result.rows[0];
  const rows = first?.list_row ? result.rows.map(({ list_row, list_total, list_gate, ...row }) => row) : [];
  return { rows, total: first?.list_total ?? 0, gate: first?.list_gate, found: Boolean(first) };
}

app.get('/v1/organizations', async (request, reply) => {
  const who = await principal(request, reply);
  const per = perOf(request.query);
  const { rows, total } = listOf(await pool.query(sql.LIST_ORGANIZATIONS(per), [who.userId]));
  return page(request, reply, rows, per, total, (row) => [row.k_ts, row.id]).map(organization);
});

app.get('/v1/organizations/:id/credentials', async (request, reply) => {
  const who = await principal(request, reply);
  const per = perOf(request.query);
  const { rows, total, gate, found } = listOf(await pool.query(sql.LIST_CREDENTIALS(per), [request.params.id, 0, who.userId, who.isAdmin]));
  if (!found || !(who.isAdmin || gate))
    return reply.code(404).send({ code: 'ORGANIZATIONS.NOT_FOUND', message: 'Organization not found', request_id: request.id });
  return page(request, reply, rows, per, total, (row) => [row.id]).map((row) => ({
    id: row.id,
    name: row.name,
    facebook_user_id: row.facebook_user_id,
    status: row.status,
    scopes: [...row.scopes],
    expires_at: iso(row.expires_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }));
});

const slugify = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
const createSchema = {
  body: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
  },
};
app.post('/v1/organizations', { schema: createSchema }, async (request, reply) => {
  const who = await principal(request, reply);
  const name = request.body.name.trim();
  const base = slugify(name) || 'organization';
  const client = await pool.connect();
  try {
    await client.query(sql.BEGIN);
    // The slug of the name, or on a conflict the first free `base-N`, until an insert holds.
    const id = randomUUID();
    let slug = base;
    while (
      (
        await client.query(sql.INSERT_ORGANIZATION, [
          id,
          name,
          request.body.currency ?? null,
          ...Array(19).fill(null),
          slug,
          false,
          null,
          1,
        ])
      ).rowCount === 0
    ) {
      const taken = new Set((await client.query(sql.SLUGS_TAKEN, [base, `${base}-%`])).rows.map((row) => row.vanity_slug));
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    }
    await client.query(sql.INSERT_MEMBERSHIP, [id, who.userId, null, 'owner', 'active', new Date(), null, null, null]);
    const actor = { type: 'user', id: who.userId };
    await client.query(sql.INSERT_EVENT, [
      randomUUID(),
      'tech.entropy.organization.created',
      id,
      'Organization',
      id,
      `organizations/${id}`,
      { organization_id: id, name, created_by: actor },
      1,
      actor,
      request.id,
    ]);
    await client.query(sql.COMMIT);
    return reply.code(201).send({ id });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0)),
);
