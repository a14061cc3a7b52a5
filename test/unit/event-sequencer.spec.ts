import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DataSource } from 'typeorm';
import { EventSequencer, STAMP_BATCH } from '../../src/infrastructure/events/event-sequencer.js';

/** A data source whose stamping statement waits until the test answers it with a row count. */
function fakeDatabase() {
  const pending: ((count: number) => void)[] = [];
  let stamps = 0;
  const manager = {
    query: (sql: string) => {
      if (sql.includes('pg_advisory_xact_lock')) return Promise.resolve([]);
      stamps++;
      return new Promise((resolve) => pending.push((count) => resolve([{ count }])));
    },
  };
  const dataSource = { transaction: (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as DataSource;
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    dataSource,
    stamps: () => stamps,
    /** Answers the oldest waiting stamp. */
    async answer(count: number) {
      for (let i = 0; i < 50 && pending.length === 0; i++) await tick();
      pending.shift()!(count);
      await tick();
    },
    waiting: () => pending.length,
  };
}

test('a wake that arrives while a stamp runs causes exactly one more round (no lost wake-up, calls coalesce)', async () => {
  const db = fakeDatabase();
  const sequencer = new EventSequencer(db.dataSource);
  sequencer.wake();
  for (let i = 0; i < 50 && db.waiting() === 0; i++) await new Promise((resolve) => setImmediate(resolve)); // the first stamp waits for its answer
  for (let i = 0; i < 5; i++) sequencer.wake();
  await db.answer(1);
  await db.answer(0);
  await sequencer.settle();
  assert.equal(db.stamps(), 2);
  assert.equal(db.waiting(), 0);
});

test('a full batch is followed by another stamp at once; onStamped reports each count', async () => {
  const db = fakeDatabase();
  const sequencer = new EventSequencer(db.dataSource);
  const seen: number[] = [];
  sequencer.onStamped((count) => seen.push(count));
  sequencer.wake();
  await db.answer(STAMP_BATCH);
  await db.answer(3);
  await sequencer.settle();
  assert.equal(db.stamps(), 2);
  assert.deepEqual(seen, [STAMP_BATCH, 3]);
});

test('after shutdown a wake does nothing', async () => {
  const db = fakeDatabase();
  const sequencer = new EventSequencer(db.dataSource);
  await sequencer.beforeApplicationShutdown();
  sequencer.wake();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(db.stamps(), 0);
});
