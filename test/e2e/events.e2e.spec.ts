import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { CloudEvent } from 'cloudevents';
import pg from 'pg';
import { appConfig, type AppConfig } from '../../src/infrastructure/config/app.config.js';
import { HousekeepingJob, RETENTION_BATCH } from '../../src/infrastructure/database/housekeeping.job.js';
import { EventSequencer, STAMP_BATCH } from '../../src/infrastructure/events/event-sequencer.js';
import { OAuthStateStore } from '../../src/infrastructure/security/oauth-state.store.js';
import { allPages, call, createOrganization } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let sequencer: EventSequencer;
let owner: { id: number; token: string };
let org: string;

before(async () => {
  t = await startTestApp();
  sequencer = t.app.get(EventSequencer);
  owner = await t.user('owner@example.com');
  org = await createOrganization(t.app, owner.token, { name: 'Feed Co' });
});
after(() => t.close());

/** The feed once every committed event is stamped (the stamp after a commit is not awaited by the request). */
async function feed(query = '', token = owner.token, organization = org) {
  await sequencer.stamp();
  return call(t.app, 'GET', `/v1/organizations/${organization}/events${query}`, { token });
}

/** Inserts an event row as a writer would (sequence NULL), on the given client. */
function insertEvent(client: pg.Client, organizationId: string, id = randomUUID()): Promise<unknown> {
  return client.query(
    `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, subject, data, data_version)
     VALUES ($1, 'tech.entropy.organization.updated', $2::uuid, 'Organization', $2::text, $3, $4, 1)`,
    [id, organizationId, `organizations/${organizationId}`, { organization_id: organizationId, changed_fields: ['bio'], version: 0 }],
  );
}

describe('the feed', () => {
  test("serves the organization's events as CloudEvents, oldest first, with no email in member events", async () => {
    const added = await call(t.app, 'POST', `/v1/organizations/${org}/members`, {
      token: owner.token,
      body: { email: 'invitee@example.com', role: 'member' },
    });
    assert.equal(added.status, 201, added.text);
    const res = await feed();
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.map((e: { type: string }) => e.type),
      ['tech.entropy.organization.created', 'tech.entropy.member.added'],
    );
    const [created, member] = res.body;
    assert.deepEqual(Object.keys(created), [
      'specversion',
      'id',
      'source',
      'type',
      'subject',
      'time',
      'datacontenttype',
      'dataschema',
      'organizationid',
      'sequence',
      'data',
    ]);
    assert.equal(created.specversion, '1.0');
    assert.equal(created.source, `http://api.test/v1/organizations/${org}`);
    assert.equal(created.subject, `organizations/${org}`);
    assert.equal(created.organizationid, org);
    assert.equal(created.dataschema, 'http://api.test/v1/events/schemas/organization.created/1');
    assert.match(created.sequence, /^\d{20}$/);
    assert.ok(BigInt(member.sequence) > BigInt(created.sequence));
    assert.deepEqual(created.data, { organization_id: org, name: 'Feed Co', created_by: { type: 'user', id: owner.id } });
    assert.match(member.subject, /^invitations\/[0-9a-f-]{36}$/);
    assert.deepEqual(Object.keys(member.data).sort(), ['added_by', 'invitation_id', 'membership_id', 'role', 'status', 'user_id']);
    assert.equal(res.text.includes('invitee@example.com'), false);
    assert.equal(res.headers['x-total-count'], '2');
    for (const event of res.body) assert.doesNotThrow(() => new CloudEvent(event).validate());
  });

  test('`after` returns only later events, `type` filters by routing key, paging follows Link', async () => {
    for (const city of ['Lyon', 'Nice', 'Metz']) {
      assert.equal((await call(t.app, 'PUT', `/v1/organizations/${org}`, { token: owner.token, body: { city } })).status, 200);
    }
    const all = (await feed()).body as { sequence: string; type: string; id: string }[];
    const later = await feed(`?after=${all[1].sequence}`);
    assert.deepEqual(
      later.body.map((e: { id: string }) => e.id),
      all.slice(2).map((e) => e.id),
    );
    assert.equal(later.headers['x-total-count'], String(all.length - 2));
    const unpadded = await feed(`?after=${BigInt(all[1].sequence)}`);
    assert.deepEqual(unpadded.body, later.body);

    const updates = await feed('?type=organization.updated');
    assert.equal(updates.body.length, 3);
    assert.ok(updates.body.every((e: { type: string }) => e.type === 'tech.entropy.organization.updated'));
    const two = await feed('?type=organization.created,member.added');
    assert.deepEqual(
      two.body.map((e: { type: string }) => e.type),
      ['tech.entropy.organization.created', 'tech.entropy.member.added'],
    );
    assert.deepEqual((await feed('?type=credential.linked')).body, []);

    const pages = await allPages(t.app, `/v1/organizations/${org}/events?per=2&type=organization.updated,member.added`, owner.token);
    assert.deepEqual(
      pages.map((p) => p.body.length),
      [2, 2],
    );
    assert.deepEqual(
      pages.flatMap((p) => p.body.map((e: { id: string }) => e.id)),
      all.filter((e) => e.type !== 'tech.entropy.organization.created').map((e) => e.id),
    );
    assert.ok(pages.every((p) => p.headers['x-total-count'] === '4'));
  });

  test("only this organization's events; bad after/type/cursor → 400; members 403, outsiders 404", async () => {
    const other = await createOrganization(t.app, owner.token, { name: 'Other Co' });
    const mine = (await feed()).body as { organizationid: string }[];
    assert.ok(mine.every((e) => e.organizationid === org));
    assert.equal((await feed('', owner.token, other)).body.length, 1);
    for (const query of [
      '?after=abc',
      '?after=-1',
      '?after=123456789012345678901',
      '?after=99999999999999999999',
      '?type=Credential.Linked',
      '?type=credential',
      '?cursor=xyz',
    ]) {
      const res = await feed(query);
      assert.equal(res.status, 400, `${query}: ${res.text}`);
    }
    const member = await t.user('member@example.com');
    await call(t.app, 'POST', `/v1/organizations/${org}/members`, {
      token: owner.token,
      body: { email: 'member@example.com', role: 'member' },
    });
    assert.equal((await feed('', member.token)).status, 403);
    const outsider = await t.user('outsider@example.com');
    assert.equal((await feed('', outsider.token)).status, 404);
  });

  test("user events are in no organization's feed", async () => {
    const rows = await t.dataSource.query(`SELECT organization_id, subject FROM events WHERE type = 'tech.entropy.user.signed_up'`);
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r: { organization_id: string | null }) => r.organization_id === null));
  });
});

describe('what each event row holds', () => {
  test('the actor and the request id (X-Request-Id) as correlation id', async () => {
    const res = await call(t.app, 'PUT', `/v1/organizations/${org}`, {
      token: owner.token,
      body: { bio: 'traced' },
      headers: { 'x-request-id': 'trace-4711' },
    });
    assert.equal(res.status, 200);
    const [row] = await t.dataSource.query(
      `SELECT actor, correlation_id FROM events WHERE organization_id = $1 ORDER BY insert_order DESC LIMIT 1`,
      [org],
    );
    assert.deepEqual(row, { actor: { type: 'user', id: owner.id }, correlation_id: 'trace-4711' });
  });
});

describe('the sequencer', () => {
  test('a backlog larger than one batch is numbered completely after one wake, in the order it was written', async () => {
    const ids = Array.from({ length: STAMP_BATCH * 2 + 7 }, () => randomUUID());
    await t.dataSource.query(
      `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
       SELECT id, 'tech.entropy.organization.updated', $2::uuid, 'Organization', $2::text, '{}', 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n) ORDER BY n`,
      [ids, org],
    );
    sequencer.wake();
    await sequencer.settle();
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM events WHERE id = ANY($1::uuid[]) AND sequence IS NOT NULL ORDER BY sequence`,
      [ids],
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      ids,
    );
    assert.equal(await sequencer.stamp(), 0);
    await t.dataSource.query('DELETE FROM events WHERE id = ANY($1::uuid[])', [ids]);
  });

  test('a commit is stamped without anyone asking (woken by the unit of work), and onStamped fires', async () => {
    await sequencer.settle();
    let stamped = 0;
    const off = sequencer.onStamped((count) => (stamped += count));
    try {
      await call(t.app, 'PUT', `/v1/organizations/${org}`, { token: owner.token, body: { bio: 'woken' } });
      for (let i = 0; i < 100 && stamped === 0; i++) await sleep(10);
      assert.ok(stamped >= 1, 'the event was stamped');
      const [row] = await t.dataSource.query(
        `SELECT sequence, committed_at FROM events WHERE organization_id = $1 ORDER BY insert_order DESC LIMIT 1`,
        [org],
      );
      assert.notEqual(row.sequence, null);
      assert.notEqual(row.committed_at, null);
    } finally {
      off();
    }
  });

  test('stamp() numbers what is committed and unstamped, and says how many', async () => {
    await sequencer.settle();
    await sequencer.stamp();
    await t.dataSource.query(
      `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
       VALUES ($1, 'tech.entropy.organization.updated', $3::uuid, 'Organization', $3::text, '{}', 1),
              ($2, 'tech.entropy.organization.updated', $3::uuid, 'Organization', $3::text, '{}', 1)`,
      [randomUUID(), randomUUID(), org],
    );
    assert.equal(await sequencer.stamp(), 2);
    assert.equal(await sequencer.stamp(), 0);
  });

  test(
    'an event whose transaction commits late is numbered after what a reader has seen, and never skipped',
    { skip: NEEDS_POSTGRES },
    async () => {
      const late = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await late.connect();
      try {
        const lateId = randomUUID();
        await late.query('BEGIN');
        await insertEvent(late, org, lateId); // written first, still uncommitted

        assert.equal((await call(t.app, 'PUT', `/v1/organizations/${org}`, { token: owner.token, body: { city: 'Brest' } })).status, 200);
        const seen = (await feed()).body as { id: string; sequence: string }[];
        assert.equal(
          seen.some((e) => e.id === lateId),
          false,
          'an uncommitted event is not in the feed',
        );
        const position = seen[seen.length - 1].sequence;

        await late.query('COMMIT');
        const next = (await feed(`?after=${position}`)).body as { id: string; sequence: string }[];
        assert.deepEqual(
          next.map((e) => e.id),
          [lateId],
          "the late event comes after the reader's position",
        );
        assert.ok(BigInt(next[0].sequence) > BigInt(position));
      } finally {
        await late.end();
      }
    },
  );

  test(
    'concurrent writers committing in any order: a reader paging with `after` sees every event once, in increasing order',
    { skip: NEEDS_POSTGRES },
    async () => {
      const target = await createOrganization(t.app, owner.token, { name: 'Burst' });
      await sequencer.stamp();
      const start = (await feed('', owner.token, target)).body as { sequence: string }[];
      let position = start[start.length - 1].sequence;

      const written: string[] = [];
      const writers = Array.from({ length: 8 }, async () => {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        try {
          for (let i = 0; i < 15; i++) {
            const id = randomUUID();
            await client.query('BEGIN');
            await insertEvent(client, target, id);
            await client.query(`SELECT pg_sleep(${(Math.random() * 0.02).toFixed(3)})`); // commit late, in a random order
            await client.query('COMMIT');
            written.push(id);
          }
        } finally {
          await client.end();
        }
      });
      let done = false;
      const seen: string[] = [];
      const reader = (async () => {
        while (true) {
          const finished = done;
          const page = await feed(`?after=${position}&per=100`, owner.token, target);
          for (const event of page.body as { id: string; sequence: string }[]) {
            assert.ok(BigInt(event.sequence) > BigInt(position), 'sequences only increase');
            seen.push(event.id);
            position = event.sequence;
          }
          if (finished && page.body.length === 0) return;
        }
      })();
      await Promise.all(writers);
      done = true;
      await reader;
      assert.equal(written.length, 120);
      assert.equal(new Set(seen).size, seen.length, 'no event twice');
      assert.deepEqual([...seen].sort(), [...written].sort(), 'every committed event was seen');
    },
  );
});

describe('retention', () => {
  async function aged(days: number, published: boolean): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
       VALUES ($1, 'tech.entropy.organization.updated', $2::uuid, 'Organization', $2::text, '{}', 1)`,
      [id, org],
    );
    await sequencer.stamp();
    await t.dataSource.query(
      `UPDATE events SET committed_at = now() - make_interval(days => $2), published_at = CASE WHEN $3::boolean THEN now() END WHERE id = $1`,
      [id, days, published],
    );
    return id;
  }
  const exists = async (id: string) => (await t.dataSource.query('SELECT 1 FROM events WHERE id = $1', [id])).length === 1;

  test('without a broker, committed events older than EVENT_RETENTION_DAYS go; younger ones stay', async () => {
    const [old, young] = [await aged(91, false), await aged(89, false)];
    const job = t.app.get(HousekeepingJob);
    assert.ok((await job.purgeEvents()) >= 1);
    assert.equal(await exists(old), false);
    assert.equal(await exists(young), true);
  });

  test('with a broker, only events it confirmed go: undelivered and dead ones are kept whatever their age', async () => {
    const settings = t.app.get<AppConfig>(appConfig.KEY);
    const job = new HousekeepingJob(t.dataSource, t.app.get(OAuthStateStore), {
      ...settings,
      amqpUrl: 'amqp://broker.test',
      eventRetentionDays: 30,
    });
    const [delivered, undelivered, dead] = [await aged(31, true), await aged(31, false), await aged(400, false)];
    await t.dataSource.query('UPDATE events SET dead_at = now() WHERE id = $1', [dead]);
    assert.equal(await job.purgeEvents(), 1);
    assert.deepEqual([await exists(delivered), await exists(undelivered), await exists(dead)], [false, true, true]);
  });

  test('deletes in batches until nothing old is left', async () => {
    const count = RETENTION_BATCH + 5;
    await t.dataSource.query(
      `INSERT INTO events (id, type, organization_id, aggregate_type, aggregate_id, data, data_version)
       SELECT gen_random_uuid(), 'tech.entropy.organization.updated', $1::uuid, 'Organization', $1::text, '{}', 1 FROM generate_series(1, $2)`,
      [org, count],
    );
    sequencer.wake();
    await sequencer.settle();
    await t.dataSource.query(
      `UPDATE events SET committed_at = now() - interval '200 days' WHERE data = '{}'::jsonb AND organization_id = $1`,
      [org],
    );
    assert.ok((await t.app.get(HousekeepingJob).purgeEvents()) >= count);
    assert.equal((await t.dataSource.query(`SELECT 1 FROM events WHERE committed_at < now() - interval '90 days'`)).length, 0);
  });
});
