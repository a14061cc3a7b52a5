import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import * as fc from 'fast-check';
import { answerClientError } from '../../src/infrastructure/http/framework-errors.js';
import { inputProblem, MAX_NESTING_DEPTH, textProblem } from '../../src/infrastructure/http/input-guard.js';

const nest = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

test('nesting: 32 levels pass, 33 are refused, and 100 000 levels do not overflow the stack', () => {
  assert.equal(inputProblem(nest(MAX_NESTING_DEPTH)), undefined);
  assert.match(inputProblem(nest(MAX_NESTING_DEPTH + 1))?.message ?? '', /nested deeper than 32 levels/);
  assert.ok(inputProblem(nest(100_000)));
});

test('lone surrogates are found anywhere in a string; well-formed pairs are not', () => {
  for (const bad of ['\ud800', 'a\udbff', '\udc00b', '\udc00\ud800', 'x\ud83d\ude00\ud83d'])
    assert.ok(textProblem(bad), JSON.stringify(bad));
  for (const good of ['', 'plain', '\ud83d\ude00', 'é\u{10FFFF}', '\ufffd'])
    assert.equal(textProblem(good), undefined, JSON.stringify(good));
});

test('textProblem agrees with re-encoding: a string is refused exactly when UTF-8 cannot hold it or it holds NUL', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
      assert.equal(textProblem(text) === undefined, roundTrips && !text.includes('\u0000'));
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('the problem names the field by its path, and a bad field name by its parent', () => {
  assert.deepEqual(inputProblem({ address: { lines: ['ok', 'x\ud800'] } })?.details, [
    { field: 'address.lines.1', message: 'must be valid Unicode text (it holds a lone UTF-16 surrogate)' },
  ]);
  const key = inputProblem({ address: { ['\u0000']: 1 } }, 'body');
  assert.equal(key?.details?.[0].field, 'address');
  assert.equal((key?.message ?? '').includes('\u0000'), false);
  assert.equal(inputProblem({ cursor: 'a\u0000' }, 'query')?.details?.[0].field, 'cursor');
});

function fakeSocket(headersSent = false) {
  const written: string[] = [];
  let destroyed = false;
  const socket = {
    writable: true,
    get destroyed() {
      return destroyed;
    },
    _httpMessage: { headersSent },
    write: (text: string) => written.push(text),
    destroy: () => {
      destroyed = true;
    },
  };
  return { socket: socket as unknown as Socket, written, isDestroyed: () => destroyed };
}

test('a request timeout from the HTTP parser is 408 REQUEST.TIMEOUT in the error body; nothing is written after an answer began', () => {
  const timedOut = fakeSocket();
  answerClientError(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), timedOut.socket);
  assert.match(timedOut.written[0], /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.match(timedOut.written[0], /\r\nX-Request-Id: [0-9a-f-]{36}\r\n/);
  assert.deepEqual(JSON.parse(timedOut.written[0].split('\r\n\r\n')[1]), {
    message: 'The request did not arrive in time',
    statusCode: 408,
    error: 'Request Timeout',
    code: 'REQUEST.TIMEOUT',
  });
  assert.ok(timedOut.isDestroyed());
  const midAnswer = fakeSocket(true);
  answerClientError(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), midAnswer.socket);
  assert.deepEqual(midAnswer.written, []);
  assert.ok(midAnswer.isDestroyed());
});
