// The SQL the service sends per route, copied from its own statement log (PostgreSQL
// `log_statement = all` on the bench database; `npm run bench` prints the diff when they drift).
// One file, so a change to the service's statements is one change here.
import { ORGANIZATION_COLUMNS } from './columns.mjs';

export const SESSION = `SELECT s.id, s.user_id, u.is_admin, (extract(epoch FROM s.expires_at - now()) * 1000)::float8 AS valid_for_ms
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`;

export const ME = 'SELECT id, name, email, is_admin FROM users WHERE id = $1';

export const GET_ORGANIZATION = `SELECT ${ORGANIZATION_COLUMNS}, m.role
         FROM organizations o
         LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $2 AND m.status = 'active'
        WHERE o.id = $1`;

/**
 * A list's rows, its total and (inside an organization) the caller's access as one statement:
 * the service's oneStatement (src/infrastructure/database/list-counts.ts), copied.
 */
const oneStatement = (rows, count, gate) =>
  gate
    ? `SELECT g.gate AS list_gate, c.count AS list_total, p.*
      FROM (${gate}) g
      CROSS JOIN LATERAL (SELECT c0.count FROM (${count}) c0 WHERE g.open) c
      LEFT JOIN LATERAL (SELECT true AS list_row, q.* FROM (${rows}) q WHERE g.open) p ON true`
    : `SELECT c.count AS list_total, p.*
      FROM (${count}) c
      LEFT JOIN LATERAL (SELECT true AS list_row, q.* FROM (${rows}) q) p ON true`;

/** A member's first page (no cursor) of their organizations and its total (list_counts): $1 the user. */
export const LIST_ORGANIZATIONS = (per) =>
  oneStatement(
    `SELECT ${ORGANIZATION_COLUMNS}, m.role AS role, m.organization_created_at::text AS k_ts
         FROM memberships m CROSS JOIN LATERAL (SELECT * FROM organizations WHERE id = m.organization_id OFFSET 0) o
        WHERE m.user_id = $1 AND m.status = 'active'
        ORDER BY m.user_id, m.organization_created_at, m.organization_id LIMIT ${per + 1}`,
    `SELECT (SELECT coalesce(sum(n), 0) FROM list_counts WHERE list = 'user_organizations' AND owner_key = $1::int::text)::int AS count`,
  );

/** An organization's first page of credentials, its total and the caller's role: $1 the organization, $2 0, $3 the user, $4 whether a platform admin. */
export const LIST_CREDENTIALS = (per) =>
  oneStatement(
    `SELECT c.id, c.name, c.facebook_user_id, c.status, c.scopes, c.expires_at, c.created_at, c.updated_at FROM credentials c
        WHERE (c.organization_id, c.id) > ($1, $2) AND c.organization_id <= $1
        ORDER BY c.organization_id, c.id LIMIT ${per + 1}`,
    `SELECT (SELECT coalesce(sum(n), 0) FROM list_counts WHERE list = 'credentials' AND owner_key = $1::uuid::text)::int AS count`,
    `SELECT m.role AS gate, (m.role IS NOT NULL OR $4::boolean) AS open FROM organizations o
     LEFT JOIN memberships m ON m.organization_id = o.id AND m.user_id = $3 AND m.status = 'active'
    WHERE o.id = $1`,
  );

// POST /v1/organizations: one transaction (TypeORM's own statements).
export const BEGIN = 'START TRANSACTION';
export const SLUGS_TAKEN = 'SELECT vanity_slug FROM organizations WHERE vanity_slug = $1 OR vanity_slug LIKE $2';
export const INSERT_ORGANIZATION = `INSERT INTO "organizations"("id", "name", "currency", "domain", "website_url", "webhook_url", "contact_email", "legal_contact_email", "technical_contact_email", "support_email", "support_url", "zip_or_postal_code", "organization_type", "bio", "twitter_url", "facebook_url", "linked_in_url", "photo_url", "address", "city", "state_or_province", "country", "vanity_slug", "verified", "verified_at", "version", "created_at", "updated_at") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, DEFAULT, DEFAULT) ON CONFLICT ( "vanity_slug" ) DO NOTHING  RETURNING "id"`;
export const INSERT_MEMBERSHIP = `INSERT INTO "memberships"("organization_id", "user_id", "email", "role", "status", "created_at", "joined_at", "invitation_id", "invited_by", "expires_at") VALUES ($1, $2, $3, $4, $5, DEFAULT, $6, $7, $8, $9) RETURNING "id", "created_at"`;
export const INSERT_EVENT = `INSERT INTO "events"("id", "type", "organization_id", "aggregate_type", "aggregate_id", "subject", "data", "data_version", "actor", "correlation_id") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
export const COMMIT = 'COMMIT';
