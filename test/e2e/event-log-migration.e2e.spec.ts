import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/infrastructure/database/data-source.options.js';
import { EventLog1763800010000 } from '../../src/infrastructure/database/migrations/1763800010000-event-log.js';
import { toCloudEvent, type StoredEvent } from '../../src/infrastructure/events/cloud-event.js';
import { STORED_EVENT_COLUMNS } from '../../src/infrastructure/events/event-record.entity.js';
import { createTestDatabase, NEEDS_POSTGRES } from '../support/test-app.js';

const ORG = randomUUID();
const TOKEN = randomUUID();

/** One outbox row of each kind the service wrote before the event log, with the payloads it wrote. */
const OLD_ROWS: [type: string, aggregateType: string, aggregateId: string, payload: Record<string, unknown>][] = [
  ['UserSignedUp', 'User', '1', { userId: 1, via: 'cli' }],
  ['OrganizationCreated', 'Organization', ORG, { name: 'Old Co', ownerId: 1 }],
  ['MemberAdded', 'Organization', ORG, { userId: null, email: 'pending@example.com', role: 'member', status: 'pending', addedBy: 1 }],
  ['MemberAdded', 'Organization', ORG, { userId: 2, email: null, role: 'admin', status: 'active', addedBy: 1 }],
  ['MemberRoleChanged', 'Organization', ORG, { userId: 2, from: 'admin', to: 'member', changedBy: 1 }],
  ['OrganizationUpdated', 'Organization', ORG, { changedFields: ['city'], version: 2 }],
  [
    'CredentialLinked',
    'Credential',
    '7',
    { organizationId: ORG, facebookUserId: '1001', scopes: ['public_profile'], expiresAt: null, linkedBy: 'user:1' },
  ],
  ['CredentialUnlinked', 'Credential', '7', { organizationId: ORG, facebookUserId: '1001', reason: 'unlinked', revokeQueued: true }],
  [
    'AuthorizationTokenIssued',
    'AuthorizationToken',
    TOKEN,
    { organizationId: ORG, readEnabled: true, writeEnabled: false, deleteEnabled: false, expiresAt: null, issuedBy: 1 },
  ],
  ['AuthorizationTokenRevoked', 'AuthorizationToken', TOKEN, { organizationId: ORG, reason: 'organization_deleted', revokedBy: null }],
];

test(
  'the event-log migration converts the outbox: v1 data, numbered in id order, already delivered to the broker',
  { skip: NEEDS_POSTGRES },
  async () => {
    const database = await createTestDatabase('postgres');
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(EventLog1763800010000));
    const old = new DataSource({
      type: 'postgres',
      url: database.env.DATABASE_URL,
      migrations: before,
      migrationsTableName: 'schema_migrations',
    });
    const now = new DataSource({
      type: 'postgres',
      url: database.env.DATABASE_URL,
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migrations',
    });
    try {
      await old.initialize();
      await old.runMigrations();
      await old.query(`INSERT INTO users (id, email, name) VALUES (1, 'owner@example.com', 'Owner'), (2, 'admin@example.com', 'Admin')`);
      await old.query(`INSERT INTO organizations (id, name, vanity_slug) VALUES ($1, 'Old Co', 'old-co')`, [ORG]);
      await old.query(
        `INSERT INTO memberships (organization_id, user_id, email, role, status, invitation_id, expires_at)
       VALUES ($1, NULL, 'pending@example.com', 'member', 'pending', gen_random_uuid(), now() + interval '14 days'), ($1, 2, NULL, 'member', 'active', NULL, NULL)`,
        [ORG],
      );
      await old.query(
        `INSERT INTO credentials (id, organization_id, facebook_user_id, name, status, created_by) VALUES (7, $1, '1001', 'Carol Page', 'active', 'user:1')`,
        [ORG],
      );
      const eventIds: string[] = [];
      for (const [type, aggregateType, aggregateId, payload] of OLD_ROWS) {
        const id = randomUUID();
        eventIds.push(id);
        await old.query(
          `INSERT INTO outbox_messages (event_id, event_type, aggregate_type, aggregate_id, payload, occurred_at) VALUES ($1, $2, $3, $4, $5, '2026-11-30T10:00:00Z')`,
          [id, type, aggregateType, aggregateId, payload],
        );
      }
      await old.destroy();

      await now.initialize();
      assert.deepEqual(
        (await now.runMigrations()).map((m) => m.name),
        MIGRATIONS.slice(before.length).map((m) => new m().name),
      );
      assert.deepEqual(await now.query(`SELECT to_regclass('outbox_messages') AS t`), [{ t: null }]);

      const rows: StoredEvent[] = await now.query(`SELECT ${STORED_EVENT_COLUMNS} FROM events ORDER BY events.sequence`);
      const [{ id: pendingId }] = await now.query(`SELECT id FROM memberships WHERE user_id IS NULL`);
      const [{ id: activeId }] = await now.query(`SELECT id FROM memberships WHERE user_id = 2`);
      assert.deepEqual(
        rows.map((r) => r.id),
        eventIds,
        'numbered in the outbox id order',
      );
      assert.ok(
        rows.every((r) => r.publishedAt !== null && r.committedAt?.toISOString() === '2026-11-30T10:00:00.000Z' && r.dataVersion === 1),
      );
      assert.deepEqual(
        rows.map((r) => [r.type, r.organizationId, r.subject]),
        [
          ['tech.entropy.user.signed_up', null, null],
          ['tech.entropy.organization.created', ORG, `organizations/${ORG}`],
          ['tech.entropy.member.added', ORG, `invitations/${pendingId}`],
          ['tech.entropy.member.added', ORG, 'members/2'],
          ['tech.entropy.member.role_changed', ORG, 'members/2'],
          ['tech.entropy.organization.updated', ORG, `organizations/${ORG}`],
          ['tech.entropy.credential.linked', ORG, 'credentials/7'],
          ['tech.entropy.credential.unlinked', ORG, 'credentials/7'],
          ['tech.entropy.authorization_token.issued', ORG, `authorization_tokens/${TOKEN}`],
          ['tech.entropy.authorization_token.revoked', ORG, `authorization_tokens/${TOKEN}`],
        ],
      );
      const user = { type: 'user', id: 1 };
      assert.deepEqual(
        rows.map((r) => r.data),
        [
          { user_id: 1, via: 'cli' },
          { organization_id: ORG, name: 'Old Co', created_by: user },
          { membership_id: pendingId, user_id: null, role: 'member', status: 'pending', added_by: user },
          { membership_id: activeId, user_id: 2, role: 'admin', status: 'active', added_by: user },
          { membership_id: activeId, user_id: 2, previous_role: 'admin', role: 'member', changed_by: user },
          { organization_id: ORG, changed_fields: ['city'], version: 2 },
          { credential_id: 7, name: 'Carol Page', facebook_user_id: '1001', scopes: ['public_profile'], expires_at: null, linked_by: user },
          { credential_id: 7, facebook_user_id: '1001', reason: 'unlinked' },
          { token_id: TOKEN, read_enabled: true, write_enabled: false, delete_enabled: false, expires_at: null, issued_by: user },
          { token_id: TOKEN, reason: 'organization_deleted', revoked_by: null },
        ],
      );
      assert.equal(JSON.stringify(rows).includes('pending@example.com'), false, 'no email survives in member events');
      for (const row of rows) assert.doesNotThrow(() => toCloudEvent(row, 'http://api.test'));

      // New events continue after the converted ones.
      const [{ next }] = await now.query(`SELECT nextval('events_sequence_seq')::text AS next`);
      assert.equal(next, String(OLD_ROWS.length + 1));
    } finally {
      if (old.isInitialized) await old.destroy();
      if (now.isInitialized) await now.destroy();
      await database.drop();
    }
  },
);
