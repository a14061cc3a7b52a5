import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { InvalidSignedRequestError } from '../../src/credentials/credentials.errors.js';
import { parseSignedRequest } from '../../src/credentials/facebook/signed-request.js';

const SECRET = 'app-secret';

function sign(payload: unknown, secret = SECRET): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${createHmac('sha256', secret).update(encoded).digest('base64url')}.${encoded}`;
}

test('a signed_request made as Facebook does parses to its payload', () => {
  const payload = parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', issued_at: 1700000000, user_id: '10000000001' }), SECRET);
  assert.equal(payload.user_id, '10000000001');
  assert.equal(payload.issued_at, 1700000000);
});

test('padding, a lower-case algorithm and a numeric user_id are accepted', () => {
  const json = JSON.stringify({ algorithm: 'hmac-sha256', user_id: 42 });
  const encoded = Buffer.from(json).toString('base64url').padEnd(Math.ceil(json.length / 3) * 4, '=');
  assert.ok(encoded.endsWith('='));
  const signature = createHmac('sha256', SECRET).update(encoded).digest('base64url');
  assert.equal(parseSignedRequest(`${signature}.${encoded}`, SECRET).user_id, '42');
});

test('a wrong secret, a changed payload or a truncated signature is rejected', () => {
  const good = sign({ algorithm: 'HMAC-SHA256', user_id: '1' });
  const [signature, payload] = good.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', user_id: '2' })).toString('base64url');
  const cases = [
    sign({ algorithm: 'HMAC-SHA256', user_id: '1' }, 'another-secret'),
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
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'none', user_id: '1' }), SECRET), /algorithm/);
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256' }), SECRET), /user_id/);
  assert.throws(() => parseSignedRequest(sign({ algorithm: 'HMAC-SHA256', user_id: '1 OR 1=1' }), SECRET), /user_id/);
  assert.throws(() => parseSignedRequest(sign([1, 2]), SECRET), /object/);
});
