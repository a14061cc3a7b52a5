import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EventBus } from '@nestjs/cqrs';
import { UnitOfWork } from '../../src/infrastructure/database/unit-of-work.js';
import { EventSequencer } from '../../src/infrastructure/events/event-sequencer.js';
import type { DomainEvent } from '../../src/infrastructure/outbox/domain-event.js';
import { Organization } from '../../src/organizations/domain/organization.entity.js';
import pg from 'pg';
import { NEEDS_POSTGRES, startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

let t: TestApp;
let uow: UnitOfWork;
const published: DomainEvent[] = [];

before(async () => {
  t = await startTestApp();
  uow = t.app.get(UnitOfWork);
  t.app.get(EventBus).subscribe((event) => published.push(event as DomainEvent));
});
after(() => t.close());

const rowsFor = (id: string) => t.dataSource.query('SELECT type FROM events WHERE aggregate_id = $1', [id]);

test('a committed write leaves its event row and publishes it after the commit', async () => {
  const organization = Organization.create({ name: 'Committed' }, `committed-${Date.now()}`, 1);
  let seenInsideTransaction = -1;
  await uow.run(
    async (tx) => {
      await tx.manager.insert(Organization, tx.track(organization));
      seenInsideTransaction = published.filter((e) => e.aggregateId === organization.id).length;
    },
    { actor: { type: 'system', id: 'test' }, correlationId: 'req-1' },
  );
  assert.equal(seenInsideTransaction, 0, 'nothing is published before the commit');
  assert.deepEqual(await rowsFor(organization.id), [{ type: 'tech.entropy.organization.created' }]);
  await t.app.get(EventSequencer).settle();
  const [row] = await t.dataSource.query(
    'SELECT organization_id, actor, correlation_id, sequence IS NOT NULL AS stamped FROM events WHERE aggregate_id = $1',
    [organization.id],
  );
  assert.deepEqual(row, {
    organization_id: organization.id,
    actor: { type: 'system', id: 'test' },
    correlation_id: 'req-1',
    stamped: true,
  });
  assert.deepEqual(
    published.filter((e) => e.aggregateId === organization.id).map((e) => e.eventName),
    ['OrganizationCreated'],
  );
});

test('a rolled-back write leaves no event row and publishes nothing', async () => {
  const organization = Organization.create({ name: 'Rolled back' }, `rolled-back-${Date.now()}`, 1);
  await assert.rejects(
    uow.run(async (tx) => {
      await tx.manager.insert(Organization, tx.track(organization));
      throw new Error('boom after the write');
    }),
    /boom/,
  );
  assert.deepEqual(await rowsFor(organization.id), []);
  assert.deepEqual(await t.dataSource.query('SELECT id FROM organizations WHERE id = $1', [organization.id]), []);
  assert.equal(published.filter((e) => e.aggregateId === organization.id).length, 0);
});

test('an event-log insert failure rolls the change back too', async () => {
  const organization = Organization.create({ name: 'Outbox fails' }, `outbox-fails-${Date.now()}`, 1);
  const broken = Object.assign(
    Object.create(Object.getPrototypeOf(organization.getUncommittedEvents()[0])),
    organization.getUncommittedEvents()[0],
    { eventId: 'not-a-uuid' },
  );
  organization.uncommit();
  organization.apply(broken);
  await assert.rejects(
    uow.run(async (tx) => {
      await tx.manager.insert(Organization, tx.track(organization));
    }),
  );
  assert.deepEqual(await t.dataSource.query('SELECT id FROM organizations WHERE id = $1', [organization.id]), []);
});

test(
  'an in-process subscriber sees the committed row from another connection when the event arrives',
  { skip: NEEDS_POSTGRES },
  async () => {
    assert.equal(TEST_DB, 'postgres');
    // Another session of the same database: it sees only what has committed.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      const organization = Organization.create({ name: 'Seen from outside' }, `seen-${Date.now()}`, 1);
      const checks: Promise<number>[] = [];
      const subscription = t.app.get(EventBus).subscribe((event) => {
        if ((event as DomainEvent).aggregateId === organization.id) {
          checks.push(other.query('SELECT 1 FROM organizations WHERE id = $1', [organization.id]).then((r) => r.rowCount ?? 0));
        }
      });
      try {
        await uow.run(async (tx) => {
          await tx.manager.insert(Organization, tx.track(organization));
        });
      } finally {
        subscription.unsubscribe();
      }
      assert.equal(checks.length, 1, 'published once');
      assert.equal(await checks[0], 1, 'the row is visible to another connection when the subscriber runs');
    } finally {
      await other.end();
    }
  },
);
