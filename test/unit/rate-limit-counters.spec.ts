import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { RateLimitCounters } from '../../src/infrastructure/http/rate-limit.counters.js';

const MINUTE = 60_000;
let now = 1_000_000;
const counters: RateLimitCounters[] = [];
function make(maxKeys?: number): RateLimitCounters {
  const made = new RateLimitCounters(() => now, maxKeys);
  counters.push(made);
  return made;
}
after(() => counters.forEach((c) => c.close()));

const hit = (c: RateLimitCounters, key = 'caller:token:a', limit = 3) => c.increment(key, MINUTE, limit, MINUTE, 'caller');

test('counts hits in a window that starts with the first hit and lasts the ttl', async () => {
  const c = make();
  assert.deepEqual(await hit(c), { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  now += 20_500;
  assert.deepEqual(await hit(c), { totalHits: 2, timeToExpire: 40, isBlocked: false, timeToBlockExpire: 0 });
  now += 40_000;
  // The window is over: counting starts again.
  assert.deepEqual(await hit(c), { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
});

test('the hit past the limit blocks the key for the block duration, then a new window starts', async () => {
  const c = make();
  for (let i = 0; i < 3; i++) assert.equal((await hit(c)).isBlocked, false);
  assert.deepEqual(await hit(c), { totalHits: 4, timeToExpire: 60, isBlocked: true, timeToBlockExpire: 60 });
  now += 59_000;
  assert.deepEqual(await hit(c), { totalHits: 5, timeToExpire: 1, isBlocked: true, timeToBlockExpire: 1 });
  now += 1_000;
  assert.deepEqual(await hit(c), { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
});

test('a caller that keeps retrying while blocked stays blocked, as with the Redis storage', async () => {
  const c = make();
  let allowed = 0;
  // One request a second for three minutes, at 3 a minute.
  for (let second = 0; second < 180; second++) {
    if (!(await hit(c, 'caller:token:hammer')).isBlocked) allowed++;
    now += 1_000;
  }
  assert.equal(allowed, 3);
  // Once it stops for a whole window and block, it is let through again.
  now += 2 * MINUTE;
  assert.equal((await hit(c, 'caller:token:hammer')).isBlocked, false);
});

test('keys and limit names are counted apart', async () => {
  const c = make();
  await hit(c, 'caller:token:a');
  await hit(c, 'caller:token:a');
  assert.equal((await hit(c, 'caller:token:b')).totalHits, 1);
  assert.equal((await c.increment('caller:token:a', MINUTE, 3, MINUTE, 'address')).totalHits, 1);
});

test('a high limit keeps a count, not one entry per hit', async () => {
  const c = make();
  let last;
  for (let i = 0; i < 200_000; i++) last = await hit(c, 'caller:token:busy', 1_000_000_000);
  assert.equal(last!.totalHits, 200_000);
  assert.equal(c.size, 1);
});

test('at most maxKeys keys are held: expired windows go first, then the oldest', async () => {
  const c = make(3);
  await hit(c, 'old');
  now += MINUTE;
  await hit(c, 'a');
  await hit(c, 'b');
  await hit(c, 'c');
  assert.equal(c.size, 3);
  // 'old' had expired, so 'a', 'b' and 'c' are all still counted.
  assert.equal((await hit(c, 'a')).totalHits, 2);
  await hit(c, 'd');
  assert.equal(c.size, 3);
  // The oldest window ('a': a hit in a window does not move it) made room for 'd'.
  assert.equal((await hit(c, 'c')).totalHits, 2);
  assert.equal((await hit(c, 'a')).totalHits, 1);
});
