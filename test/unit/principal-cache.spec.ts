import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrincipalCache } from '../../src/auth/principal.cache.js';
import type { Principal } from '../../src/common/principal.js';

const user = (userId: number, sessionId = `s${userId}`): Principal => ({ kind: 'user', userId, isAdmin: false, sessionId });
const token = (tokenId: string): Principal => ({ kind: 'token', tokenId, organizationId: 'o', read: true, write: false, delete: false });

function enabled(maxSize?: number, ttlMs?: number): PrincipalCache {
  const cache = new PrincipalCache(maxSize, ttlMs);
  cache.enable();
  return cache;
}

test('answers nothing, and stores nothing, until the listener enables it', () => {
  const cache = new PrincipalCache();
  cache.set('h', user(1), undefined, cache.ticket());
  assert.equal(cache.get('h'), undefined);
  assert.equal(cache.size, 0);
  cache.enable();
  cache.set('h', user(1), undefined, cache.ticket());
  assert.deepEqual(cache.get('h'), user(1));
});

test('disabling (the listener lost its connection) empties it and stops answering', () => {
  const cache = enabled();
  cache.set('h', user(1), undefined, cache.ticket());
  cache.disable();
  assert.equal(cache.size, 0);
  assert.equal(cache.get('h'), undefined);
  cache.enable();
  assert.equal(cache.get('h'), undefined);
});

test('an entry lives for the TTL at most, and never past the token’s own expiry', () => {
  const cache = enabled(10, 30_000);
  const now = 1_000_000;
  cache.set('long', token('a'), undefined, cache.ticket(), now);
  cache.set('short', token('b'), 2_000, cache.ticket(), now);
  assert.ok(cache.get('short', now + 1_999));
  assert.equal(cache.get('short', now + 2_000), undefined);
  assert.ok(cache.get('long', now + 29_999));
  assert.equal(cache.get('long', now + 30_000), undefined);
  cache.set('gone', token('c'), 0, cache.ticket(), now);
  assert.equal(cache.get('gone', now), undefined);
});

test('bounded: the least recently used entry goes first', () => {
  const cache = enabled(2);
  cache.set('a', user(1), undefined, cache.ticket());
  cache.set('b', user(2), undefined, cache.ticket());
  assert.ok(cache.get('a'));
  cache.set('c', user(3), undefined, cache.ticket());
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined);
  assert.ok(cache.get('a'));
  assert.ok(cache.get('c'));
});

test('a lookup that raced an invalidation does not store what it read before it', () => {
  const cache = enabled();
  const ticket = cache.ticket();
  cache.invalidate('h');
  cache.set('h', user(1), undefined, ticket);
  assert.equal(cache.get('h'), undefined);
  const again = cache.ticket();
  cache.set('h', user(1), undefined, again);
  assert.ok(cache.get('h'));
});

test('invalidation by token hash, by user (its every session), and of everything', () => {
  const cache = enabled();
  for (const [hash, principal] of [
    ['s1', user(1, 'a')],
    ['s2', user(1, 'b')],
    ['s3', user(12, 'c')],
    ['t1', token('t1')],
  ] as const) {
    cache.set(hash, principal, undefined, cache.ticket());
  }
  cache.invalidate('t1');
  assert.equal(cache.get('t1'), undefined);
  cache.invalidate('user:1');
  assert.equal(cache.get('s1'), undefined);
  assert.equal(cache.get('s2'), undefined);
  assert.ok(cache.get('s3'));
  cache.invalidate('*');
  assert.equal(cache.size, 0);
});

test('a cached principal cannot be changed by whoever received it', () => {
  const cache = enabled();
  cache.set('h', user(1), undefined, cache.ticket());
  const principal = cache.get('h') as { isAdmin: boolean };
  assert.throws(() => {
    principal.isAdmin = true;
  }, TypeError);
});
