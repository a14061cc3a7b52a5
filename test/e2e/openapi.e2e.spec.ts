import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { writeOpenApiDocument } from '../../src/openapi.js';
import { call } from '../support/http.js';
import { freePort, startService } from '../support/processes.js';
import { BASE_ENV, createTestDatabase, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * openapi.json is what clients generate from: it is committed, kept fresh, linted by Redocly's
 * recommended rules, and holds the project's own rules (security from @Public, readable
 * operationIds, an example for every error, X-Request-Id on every answer).
 */
const ROOT = new URL('../../../', import.meta.url).pathname;
const COMMITTED = join(ROOT, 'openapi.json');
const REDOCLY = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type Json = Record<string, any>;

let dir: string;
let generated: string;
let doc: Json;
let t: TestApp;

const operations = () =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation: operation as Json, name: `${method.toUpperCase()} ${path}` })),
  );

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entropy-openapi-'));
  generated = join(dir, 'openapi.json');
  await writeOpenApiDocument(generated);
  doc = JSON.parse(readFileSync(generated, 'utf8'));
  t = await startTestApp();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

test('the committed openapi.json is the document this code generates', () => {
  const fresh = readFileSync(generated, 'utf8');
  let committed = '';
  try {
    committed = readFileSync(COMMITTED, 'utf8');
  } catch {
    // Missing: reported as stale below.
  }
  assert.ok(committed === fresh, 'openapi.json is stale (or missing): run `npm run openapi` and commit the result');
});

test('Redocly lint (recommended rules) finds no error', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', '--format=json', generated], {
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as {
    totals: { errors: number };
    problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  const errors = report.problems
    .filter((problem) => problem.severity === 'error')
    .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  assert.deepEqual(errors, []);
  assert.equal(report.totals.errors, 0);
});

test('/docs-json serves the same operations as openapi.json, for the server at PUBLIC_URL', async () => {
  const served = (await call(t.app, 'GET', '/docs-json')).body;
  assert.deepEqual(served.paths, doc.paths);
  assert.deepEqual(served.components, doc.components);
  assert.match(served.servers[0].url, /^https?:\/\//);
  assert.equal(doc.servers[0].url, '/');
});

test('the bundled service (what npm start and the image run) serves the same document: bundling lost no class name', async () => {
  // Swagger names schemas after DTO classes, so a class the bundle renamed would show here.
  const database = await createTestDatabase();
  const port = await freePort();
  const service = startService({
    ...database.env,
    ...BASE_ENV,
    LOG_LEVEL: 'info',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  try {
    await service.waitFor(/Listening on/);
    const served = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as Json;
    assert.deepEqual(served.paths, doc.paths);
    assert.deepEqual(served.components, doc.components);
  } finally {
    await service.stop();
    await database.drop();
  }
});

test('public routes declare security: [], every other route the bearer, Basic and cookie schemes (cookie writes with X-CSRF-Token)', () => {
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['basic', 'bearer', 'csrf', 'session']);
  assert.deepEqual(doc.components.securitySchemes.session, {
    type: 'apiKey',
    in: 'cookie',
    name: 'entropy_session',
    description: doc.components.securitySchemes.session.description,
  });
  assert.equal(doc.components.securitySchemes.csrf.name, 'X-CSRF-Token');
  const PUBLIC = [
    'GET /health/live',
    'GET /health/ready',
    'GET /v1/auth/facebook/callback',
    'POST /v1/facebook/deauthorize',
    'POST /v1/facebook/data-deletion',
    'GET /v1/facebook/data-deletion/{code}',
  ];
  for (const { name, method, operation } of operations()) {
    if (PUBLIC.includes(name)) {
      assert.deepEqual(operation.security, [], name);
      continue;
    }
    const session = method === 'get' ? { session: [] } : { session: [], csrf: [] };
    const callers = [{ bearer: [] }, { basic: [] }, session];
    // Signing in takes a caller only to link Facebook to their account (?link=1).
    assert.deepEqual(operation.security, name === 'GET /v1/auth/facebook' ? [{}, ...callers] : callers, name);
  }
});

test('operationIds are unique camelCase verbs, and every operation has a summary, a description and one declared tag', () => {
  const ids = operations().map(({ operation }) => operation.operationId as string);
  assert.equal(new Set(ids).size, ids.length, 'unique');
  for (const { name, operation } of operations()) {
    assert.match(operation.operationId, /^[a-z]+[A-Z][A-Za-z]*$|^[a-z]+$/, name);
    assert.doesNotMatch(operation.operationId, /Controller|_/, name);
    assert.ok(operation.summary, `${name} summary`);
    assert.ok(operation.description && operation.description !== operation.summary, `${name} description`);
    assert.equal(operation.tags?.length, 1, `${name} tags`);
  }
  const declared = (doc.tags as { name: string; description: string }[]).filter((tag) => tag.description).map((tag) => tag.name);
  for (const { name, operation } of operations())
    assert.ok(declared.includes(operation.tags[0]), `${name}: tag ${operation.tags[0]} has no addTag description`);
  for (const [name, id] of [
    ['POST /v1/organizations', 'createOrganization'],
    ['GET /v1/organizations/{id}/members', 'listMembers'],
    ['POST /v1/organizations/{id}/authorization_tokens', 'issueAuthorizationToken'],
    ['GET /v1/auth/facebook', 'startFacebookLogin'],
  ]) {
    assert.equal(operations().find((o) => o.name === name)?.operation.operationId, id);
  }
});

test('the Facebook callbacks are listed once each, under one tag', () => {
  const callbacks = operations().filter(({ path }) => path.startsWith('/v1/facebook/') || path === '/v1/auth/facebook/callback');
  assert.deepEqual(callbacks.map(({ name }) => name).sort(), [
    'GET /v1/auth/facebook/callback',
    'GET /v1/facebook/data-deletion/{code}',
    'POST /v1/facebook/data-deletion',
    'POST /v1/facebook/deauthorize',
  ]);
  for (const { name, operation } of callbacks) assert.equal(operation.tags.length, 1, name);
});

test('numbers are integers: no schema says "number"', () => {
  const numbers: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((child, index) => walk(child, `${at}/${index}`));
    else if (node && typeof node === 'object') {
      if ((node as Json).type === 'number') numbers.push(at);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    }
  };
  walk(doc, '#');
  assert.deepEqual(numbers, [], 'use type: "integer" (or allow a real fraction here)');
});

test('every answer has X-Request-Id; every error its own examples, of its status, with codes the code raises', () => {
  const source = sourceText(join(ROOT, 'src'));
  for (const { name, operation } of operations()) {
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
      assert.deepEqual(response.headers?.['X-Request-Id'], { $ref: '#/components/headers/X-Request-Id' }, `${name} ${status}`);
      if (Number(status) < 400 || name.startsWith('GET /health')) continue;
      const examples = Object.values(response.content?.['application/json']?.examples ?? {}) as { value: Json }[];
      assert.ok(examples.length > 0, `${name} ${status}: no example`);
      for (const { value } of examples) {
        assert.equal(value.statusCode, Number(status), `${name} ${status}: ${value.code}`);
        assert.ok(source.includes(`'${value.code}'`), `${name} ${status}: ${value.code} is raised nowhere in src`);
      }
    }
  }
  const codes = (name: string, status: string) =>
    Object.keys(operations().find((o) => o.name === name)!.operation.responses[status].content['application/json'].examples);
  assert.deepEqual(codes('GET /v1/me', '401'), ['AUTH.UNAUTHENTICATED']);
  assert.deepEqual(codes('DELETE /v1/organizations/{id}/members/{userId}', '404'), ['ORGANIZATIONS.NOT_FOUND', 'MEMBERS.NOT_FOUND']);
  assert.ok(codes('POST /v1/organizations/{id}/authorization_tokens', '409').includes('IDEMPOTENCY.NOT_REPLAYABLE'));
  assert.ok(codes('POST /v1/organizations/{id}/members', '409').includes('IDEMPOTENCY.IN_PROGRESS'));
  assert.ok(!codes('POST /v1/organizations/{id}/members', '409').includes('IDEMPOTENCY.NOT_REPLAYABLE'));
  assert.deepEqual(codes('POST /v1/organizations', '422'), ['IDEMPOTENCY.KEY_REUSED']);
  assert.deepEqual(codes('PUT /v1/organizations/{id}', '415'), ['REQUEST.UNSUPPORTED_MEDIA_TYPE']);
  assert.ok(codes('GET /v1/organizations/{id}/credentials', '503').includes('DATABASE.UNAVAILABLE'));
  const ready = operations().find((o) => o.name === 'GET /health/ready')!.operation;
  assert.ok(ready.responses['503'].content['application/json'].schema.example, 'the readiness report keeps its own 503 body');
  const get = operations().find((o) => o.name === 'GET /v1/organizations/{id}')!.operation;
  assert.ok(get.responses['304'] && get.parameters.some((p: Json) => p.name === 'If-None-Match'));
  assert.ok(operations().every(({ path, operation }) => !path.startsWith('/v1/') || operation.responses['503'].headers['Retry-After']));
});

test('request examples validate: the pre-filled PUT succeeds for an owner, and the optional authorize body may be left out', async () => {
  const put = operations().find((o) => o.name === 'PUT /v1/organizations/{id}')!.operation;
  const [first] = Object.values(put.requestBody.content['application/json'].examples) as { value: Json }[];
  assert.ok(!('verified' in first.value) && !('verified_at' in first.value), 'admin-only fields');
  const owner = await t.user('openapi-owner@example.com');
  const created = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: { name: 'OpenAPI' } });
  assert.equal(created.status, 201);
  const res = await call(t.app, 'PUT', `/v1/organizations/${created.body.id}`, { token: owner.token, body: first.value });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  // What Swagger UI pre-fills from the schema (each property's example, else its default) is accepted as sent.
  const prefilled = (name: string) =>
    Object.fromEntries(
      Object.entries(doc.components.schemas[name].properties as Record<string, Json>).map(([field, schema]) => [
        field,
        schema.example ?? schema.default,
      ]),
    );
  const org = await call(t.app, 'POST', '/v1/organizations', { token: owner.token, body: prefilled('CreateOrganizationRequestDto') });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  for (const [url, schema] of [
    [`/v1/organizations/${org.body.id}/members`, 'AddMemberRequestDto'],
    [`/v1/organizations/${org.body.id}/authorization_tokens`, 'IssueTokenRequestDto'],
  ]) {
    const res = await call(t.app, 'POST', url, { token: owner.token, body: prefilled(schema) });
    assert.equal(res.status, 201, `${schema}: ${JSON.stringify(res.body)}`);
  }
  const authorize = operations().find((o) => o.name === 'POST /v1/organizations/{id}/credentials/authorize')!.operation;
  assert.equal(authorize.requestBody.required, false);
});

test('GET / redirects to Swagger UI at /docs, and is not in the document', async () => {
  const res = await call(t.app, 'GET', '/');
  assert.equal(res.status, 302);
  assert.equal(res.headers.location, '/docs');
  assert.ok(res.headers['x-request-id']);
  assert.equal(doc.paths['/'], undefined);
});

function sourceText(dirPath: string): string {
  return readdirSync(dirPath)
    .map((name) => join(dirPath, name))
    .map((path) => (statSync(path).isDirectory() ? sourceText(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}
