import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { InvalidSignedRequestError } from '../../src/credentials/credentials.errors.js';
import { parseSignedRequest } from '../../src/credentials/facebook/signed-request.js';

const SECRET = 'app-secret';
const NOW = Math.floor(Date.now() / 1000);

function signJson(json: string, secret = SECRET): string {
  const encoded = Buffer.from(json).toString('base64url');
  return `${createHmac('sha256', secret).update(encoded).digest('base64url')}.${encoded}`;
}

const sign = (payload: unknown, secret = SECRET) => signJson(JSON.stringify(payload), secret);

test('a signed_request made as Facebook does parses to its payload', () => {
  const payload = parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: NOW - 60, user_id: '10000000001' }), SECRET);
  assert.equal(payload.user_id, '10000000001');
  assert.equal(payload.issued_at, NOW - 60);
});

test('padding, a lower-case algorithm and a numeric user_id are accepted', () => {
  // A length that is not a multiple of 3, so base64 needs padding.
  let json = '';
  for (let pad = ''; json.length % 3 === 0; pad += 'x')
    json = JSON.stringify({ algorithm: 'hmac-sha256', issued_at: NOW, user_id: 42, pad });
  const encoded = Buffer.from(json)
    .toString('base64url')
    .padEnd(Math.ceil(json.length / 3) * 4, '=');
  assert.ok(encoded.endsWith('='));
  const signature = createHmac('sha256', SECRET).update(encoded).digest('base64url');
  assert.equal(parseSignedRequest(`${signature}.${encoded}`, SECRET).user_id, '42');
});

test('a wrong secret, a changed payload or a truncated signature is rejected', () => {
  const good = sign({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: '1' });
  assert.equal(parseSignedRequest(good, SECRET).user_id, '1');
  const [signature, payload] = good.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: '2' })).toString('base64url');
  const cases = [
    sign({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: '1' }, 'another-secret'),
    `${signature}.${forgedPayload}`,
    `${signature.slice(0, 20)}.${payload}`,
    `${signature}`,
    `${signature}.${payload}.extra`,
    '',
    'not base64!.x',
  ];
  for (const value of cases) {
    assert.throws(() => parseSignedRequest(value, SECRET), InvalidSignedRequestError, value);
  }
});

test('a correctly signed payload must still say HMAC-SHA256 and name a user', () => {
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'none', issued_at: NOW, user_id: '1' }), SECRET), /algorithm/);
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: NOW }), SECRET), /user_id/);
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: '1 OR 1=1' }), SECRET), /user_id/);
  assert.throws(() => parseSignedRequest(sign([1, 2]), SECRET), /object/);
});

test('user_id is a decimal string or an exact integer, nothing else', () => {
  for (const userId of ['12345678901234567890', 9007199254740991, 0]) {
    assert.equal(parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: userId }), SECRET).user_id, String(userId));
  }
  // 12345678901234567890 as a JSON number has lost its last digits by the time it is parsed.
  const unsafe = signJson(`{"algorithm":"HMAC-SHA256","issued_at":${NOW},"user_id":12345678901234567890}`);
  assert.throws(() => parseSignedRequest(unsafe, SECRET), InvalidSignedRequestError);
  for (const userId of [-1, 4.5, 1e21, '', '+1', '0x1f', '1e3', ' 1', true, null, ['1'], { id: '1' }]) {
    assert.throws(
      () => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: NOW, user_id: userId }), SECRET),
      (error: unknown) => error instanceof InvalidSignedRequestError && /user_id/.test(error.message),
      JSON.stringify(userId),
    );
  }
});

test('issued_at is required, at most 24 hours old and at most 5 minutes ahead', () => {
  const at = (issuedAt: unknown) => sign({ algorithm: 'HMAC-SHA256', issued_at: issuedAt, user_id: '1' });
  const now = NOW * 1000;
  for (const fine of [NOW, NOW - 24 * 3600, NOW + 5 * 60]) assert.equal(parseSignedRequest(at(fine), SECRET, now).issued_at, fine);
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', user_id: '1' }), SECRET, now), /issued_at/);
  for (const bad of ['1700000000', NOW + 0.5, null])
    assert.throws(() => parseSignedRequest(at(bad), SECRET, now), /issued_at/, String(bad));
  assert.throws(() => parseSignedRequest(at(NOW - 24 * 3600 - 1), SECRET, now), /24 hours/);
  assert.throws(() => parseSignedRequest(at(NOW + 5 * 60 + 1), SECRET, now), /future/);
  // Facebook's own example of a captured request from long ago.
  assert.throws(
    () => parseSignedRequest(at(1700000000), SECRET, now),
    (error: unknown) => error instanceof InvalidSignedRequestError,
  );
});
