import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/infrastructure/database/postgres-errors.js';
import { translateError } from '../../src/infrastructure/http/all-exceptions.filter.js';

const failed = (code: string, message = 'failed') => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

test('timeouts, terminated backends and lost connections are "database unavailable" (503)', () => {
  for (const code of ['57014', '55P03', '57P01', '57P02', '57P03', '25P03', '08006', '08003']) {
    assert.ok(isDatabaseUnavailable(failed(code)), code);
  }
  assert.ok(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')));
  assert.ok(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))));
  assert.ok(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
  const translated = translateError(failed('55P03'));
  assert.deepEqual([translated.status, translated.code, translated.retryAfterSeconds], [503, 'DATABASE.UNAVAILABLE', 2]);
});

test('other failures are not: a constraint, a syntax error, another service unreachable', () => {
  assert.equal(isDatabaseUnavailable(failed('23505')), false);
  assert.equal(isDatabaseUnavailable(failed('42601')), false);
  const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  assert.equal(isDatabaseUnavailable(fetchFailed), false);
  assert.equal(translateError(failed('23505')).status, 500);
});
