import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UnitOfWork } from '../../src/infrastructure/database/unit-of-work.js';
import { Organization } from '../../src/organizations/domain/organization.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// PGlite is one Postgres session: without serialization, concurrent TypeORM transactions
// interleave and a rolled-back one's rows are seen (and kept) by the others. Always embedded.
let t: TestApp;

before(async () => {
  t = await startTestApp({}, 'pglite');
});
after(() => t.close());

test('concurrent transactions on the embedded database, some failing, leave exactly the successful ones', async () => {
  const uow = t.app.get(UnitOfWork);
  const attempts = Array.from({ length: 24 }, (_, i) => ({ i, fail: i % 3 === 0 }));
  const results = await Promise.allSettled(
    attempts.map(({ i, fail }) =>
      uow.run(async (tx) => {
        const organization = tx.track(Organization.create({ name: `Concurrent ${i}` }, `concurrent-${i}`, 1));
        await tx.manager.insert(Organization, organization);
        // Yield to the event loop mid-transaction so the others get every chance to interleave.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.manager.query('SELECT count(*) FROM organizations');
        if (fail) throw new Error(`attempt ${i} fails`);
        return i;
      }),
    ),
  );
  const succeeded = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort((a, b) => a - b);
  assert.deepEqual(
    succeeded,
    attempts.filter((a) => !a.fail).map((a) => a.i),
  );

  const rows: { vanity_slug: string }[] = await t.dataSource.query('SELECT vanity_slug FROM organizations ORDER BY vanity_slug');
  assert.deepEqual(rows.map((r) => r.vanity_slug).sort(), succeeded.map((i) => `concurrent-${i}`).sort());
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM events WHERE organization_id IS NOT NULL');
  assert.equal(count, succeeded.length);
});

test('a read during another transaction does not see its uncommitted rows', async () => {
  const uow = t.app.get(UnitOfWork);
  let release!: () => void;
  const holding = new Promise<void>((resolve) => (release = resolve));
  const writer = uow.run(async (tx) => {
    await tx.manager.insert(Organization, tx.track(Organization.create({ name: 'Invisible' }, 'invisible', 1)));
    await holding;
    throw new Error('roll back');
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const reader = t.dataSource.query(`SELECT count(*)::int AS count FROM organizations WHERE vanity_slug = 'invisible'`);
  release();
  await assert.rejects(writer);
  assert.deepEqual(await reader, [{ count: 0 }]);
});
