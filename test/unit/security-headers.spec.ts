import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { helmetOptions, registerSecurityHeaders, securityHeaders } from '../../src/infrastructure/http/security-headers.js';

test("helmet's headers, computed once, for the API's options", () => {
  const headers = securityHeaders(helmetOptions(false));
  assert.equal(
    headers['Content-Security-Policy'],
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;" +
      "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
  );
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.equal(headers['X-Frame-Options'], 'SAMEORIGIN');
  assert.equal(headers['Strict-Transport-Security'], undefined);
  const https = securityHeaders(helmetOptions(true));
  assert.match(https['Strict-Transport-Security'], /^max-age=\d+; includeSubDomains$/);
  assert.match(https['Content-Security-Policy'], /upgrade-insecure-requests/);
});

test('every answer carries them, the router 404 included', async () => {
  const app = Fastify();
  registerSecurityHeaders(app, false);
  app.get('/x', async () => ({ ok: true }));
  for (const url of ['/x', '/missing']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    assert.ok(res.headers['content-security-policy'], url);
    assert.equal(res.headers['x-powered-by'], undefined, url);
  }
  await app.close();
});
