import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { call, createOrganization, type Sent } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let token: string;
let organizationId: string;

before(async () => {
  t = await startTestApp();
  token = (await t.user('limits@example.com')).token;
  organizationId = await createOrganization(t.app, token, { name: 'Limits' });
});
after(() => t.close());

const json = { 'content-type': 'application/json' };

function assertContractError(res: Sent, status: number, code: string): void {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(
    Object.keys(res.body)
      .filter((key) => key !== 'details')
      .sort(),
    ['code', 'error', 'message', 'statusCode'],
    res.text,
  );
  assert.equal(res.body.statusCode, status);
  assert.equal(res.body.code, code, res.text);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.headers['x-request-id'], 'X-Request-Id');
}

const nested = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);

async function organizationCount(): Promise<number> {
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organizations');
  return count;
}

test('JSON nested deeper than 32 levels is 400 on every kind of route, before validation', async () => {
  // 18 kB of nesting, well under the size limit: once a stack overflow in validation (500).
  const deep = '['.repeat(9000) + ']'.repeat(9000);
  const created = await call(t.app, 'POST', '/v1/organizations', { token, headers: json, body: `{"name":"Deep","bio":${deep}}` });
  assertContractError(created, 400, 'VALIDATION.FAILED');
  assert.match(created.body.message, /nested deeper than 32 levels/);
  const objects = await call(t.app, 'PUT', `/v1/organizations/${organizationId}`, {
    token,
    headers: json,
    body: `{"address":${nested(5000)}}`,
  });
  assertContractError(objects, 400, 'VALIDATION.FAILED');
  // The Facebook platform callbacks need no token; JSON there is refused just the same.
  const callback = await call(t.app, 'POST', '/v1/facebook/data-deletion', { headers: json, body: `{"signed_request":${nested(3000)}}` });
  assertContractError(callback, 400, 'VALIDATION.FAILED');
  assert.equal(await organizationCount(), 1);
});

test('32 levels of nesting are accepted as JSON; the 33rd is refused', async () => {
  // The body itself is level 1: `bio` holds 31 more (accepted by the parser, refused by the DTO),
  // then 32 more.
  const atLimit = await call(t.app, 'POST', '/v1/organizations', { token, headers: json, body: `{"name":"x","bio":${nested(31)}}` });
  assert.equal(atLimit.status, 400);
  assert.doesNotMatch(atLimit.body.message, /nested/);
  assert.equal(atLimit.body.details[0].field, 'bio');
  const over = await call(t.app, 'POST', '/v1/organizations', { token, headers: json, body: `{"name":"x","bio":${nested(32)}}` });
  assertContractError(over, 400, 'VALIDATION.FAILED');
  assert.match(over.body.message, /nested deeper than 32 levels/);
});

test('a lone UTF-16 surrogate in any string, or in a field name, is 400 naming the field; nothing is stored', async () => {
  for (const body of ['{"name":"Lone \\ud800"}', '{"name":"ok","contact_email":"a\\udc00@example.com"}', '{"name":"ok","\\ud83d":1}']) {
    const res = await call(t.app, 'POST', '/v1/organizations', { token, headers: json, body });
    assertContractError(res, 400, 'VALIDATION.FAILED');
    assert.match(res.body.message, /lone UTF-16 surrogate/, body);
  }
  const named = await call(t.app, 'PUT', `/v1/organizations/${organizationId}`, { token, headers: json, body: '{"bio":"tail \\udbff"}' });
  assertContractError(named, 400, 'VALIDATION.FAILED');
  assert.deepEqual(named.body.details, [{ field: 'bio', message: 'must be valid Unicode text (it holds a lone UTF-16 surrogate)' }]);
  // A well-formed pair (an emoji) is fine.
  const emoji = await call(t.app, 'PUT', `/v1/organizations/${organizationId}`, { token, headers: json, body: '{"bio":"\\ud83d\\ude00"}' });
  assert.equal(emoji.status, 200, emoji.text);
  assert.equal(emoji.body.bio, '\u{1F600}');
  assert.equal(await organizationCount(), 1);
});

test('NUL in a query value or a path parameter is 400, like NUL in a body', async () => {
  const query = await call(t.app, 'GET', '/v1/organizations?cursor=%00', { token });
  assertContractError(query, 400, 'VALIDATION.FAILED');
  assert.equal(query.body.details[0].field, 'cursor');
  // The data-deletion status code is a free-text path parameter that reaches a query.
  const path = await call(t.app, 'GET', '/v1/facebook/data-deletion/ab%00cd');
  assertContractError(path, 400, 'VALIDATION.FAILED');
  const form = await call(t.app, 'POST', '/v1/facebook/deauthorize', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'signed_request=a%00b',
  });
  assertContractError(form, 400, 'VALIDATION.FAILED');
});

test('an over-long path parameter is the contract 400, not the router 414', async () => {
  const res = await call(t.app, 'GET', `/v1/organizations/${'a'.repeat(500)}`, { token });
  assertContractError(res, 400, 'VALIDATION.FAILED');
  assert.doesNotMatch(res.text, /aaaa|FST_/);
});

test('a malformed percent-encoding in the path is 400 REQUEST.MALFORMED, never echoing the path', async () => {
  for (const url of ['/v1/organizations/%zz', '/v1/organizations/%ED%A0%80', '/v1/facebook/data-deletion/%E0%A4%A']) {
    const res = await call(t.app, 'GET', url, { token, headers: { 'x-request-id': 'bad-url-1' } });
    assertContractError(res, 400, 'REQUEST.MALFORMED');
    assert.equal(res.headers['x-request-id'], 'bad-url-1');
    assert.doesNotMatch(res.text, /FST_|%zz|%ED|%E0|organizations|deletion/);
  }
});

test('an unsupported media type is 415 and malformed JSON is 400, in the error body', async () => {
  assertContractError(
    await call(t.app, 'POST', '/v1/organizations', { token, headers: { 'content-type': 'application/xml' }, body: '<a/>' }),
    415,
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  );
  assertContractError(await call(t.app, 'POST', '/v1/organizations', { token, headers: json, body: '{"name":' }), 400, 'REQUEST.MALFORMED');
});

/** A raw HTTP exchange over a real socket: Node's parser refuses these before Fastify sees them. */
async function rawExchange(request: string): Promise<{ status: number; headers: string; body: any }> {
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  const [head, body] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head, body: JSON.parse(body) };
}

test('oversized headers keep 431 and broken HTTP keeps 400, both in the error body with X-Request-Id', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const big = await rawExchange(`GET /v1/me HTTP/1.1\r\nHost: api.test\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
  assert.equal(big.status, 431);
  assert.deepEqual(big.body, {
    message: 'The request headers are larger than the server accepts',
    statusCode: 431,
    error: 'Request Header Fields Too Large',
    code: 'REQUEST.HEADERS_TOO_LARGE',
  });
  assert.match(big.headers, /\r\nX-Request-Id: [0-9a-f-]{36}\r\n/i);
  const broken = await rawExchange('NOT HTTP\r\n\r\n');
  assert.equal(broken.status, 400);
  assert.equal(broken.body.code, 'REQUEST.MALFORMED');
  assert.match(broken.headers, /\r\nX-Request-Id: /i);
});
