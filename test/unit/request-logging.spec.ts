import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryFailedError } from 'typeorm';
import { loggableError, scrubUrl } from '../../src/infrastructure/http/request-logging.js';

test('query values that are credentials never reach a log line', () => {
  assert.equal(scrubUrl('/cb?code=abc&state=def&x=1'), '/cb?code=[REDACTED]&state=[REDACTED]&x=1');
  assert.equal(scrubUrl('/v1/me'), '/v1/me');
});

test('a failed query is logged without its SQL parameters or row values', () => {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
    code: '23505',
    constraint: 'x',
    detail: 'Key (token_hash)=(deadbeef) already exists.',
  });
  const error = new QueryFailedError('INSERT INTO t VALUES ($1)', ['ent_s_secretvalue'], driverError);
  const logged = JSON.stringify(loggableError(error));
  assert.equal(logged.includes('ent_s_secretvalue'), false);
  assert.equal(logged.includes('deadbeef'), false);
  assert.match(logged, /23505/);
});
