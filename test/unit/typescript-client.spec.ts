import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { ROOT } from '../support/processes.js';

// clients/typescript is its own package (npm ci there builds dist/), outside the root's tsc build.
const CLIENT_DIR = join(ROOT, 'clients/typescript');
const CLIENT_ENTRY = join(CLIENT_DIR, 'dist/index.js');

interface ApiErrorLike extends Error {
  status: number;
  code: string;
  details: { field: string; message: string }[];
  requestId?: string;
  isStale: boolean;
}
type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface ClientModule {
  createEntropyClient(options: {
    baseUrl: string;
    token?: string;
    csrfToken?: () => string | undefined;
  }): Record<'GET' | 'POST' | 'PUT' | 'DELETE', (path: string, init?: object) => Answer>;
  ok(pending: Answer): Promise<unknown>;
  page(pending: Answer): Promise<{ items: unknown; nextCursor?: string; totalCount?: number }>;
  withEtag(pending: Answer): Promise<{ data: unknown; etag?: string }>;
  ApiError: new (...args: never[]) => ApiErrorLike;
}

let client: ClientModule;
let server: Server;
let base: string;
const seen: IncomingMessage[] = [];

before(async () => {
  assert.ok(existsSync(CLIENT_ENTRY), `${CLIENT_ENTRY} is missing: run \`npm ci\` in clients/typescript (it builds dist/)`);
  client = (await import(pathToFileURL(CLIENT_ENTRY).href)) as ClientModule;
  server = createServer((req, res) => {
    seen.push(req);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-1', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith('/v1/organizations?')) {
      return json(200, [{ id: 'a' }], {
        link: '<http://api.test/v1/organizations?per=1&cursor=abc%3D%3D>; rel="next"',
        'x-total-count': '7',
      });
    }
    if (req.url === '/v1/organizations/o1' && req.method === 'GET') return json(200, { id: 'o1' }, { etag: 'W/"v3"' });
    if (req.url === '/v1/organizations/o1' && req.method === 'PUT') {
      return json(412, {
        message: 'The organization was changed by someone else',
        statusCode: 412,
        error: 'Precondition Failed',
        code: 'ORGANIZATIONS.STALE',
      });
    }
    if (req.url === '/v1/organizations' && req.method === 'POST') {
      return json(400, {
        message: 'currency must be an ISO 4217 code',
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION.FAILED',
        details: [{ field: 'currency', message: 'must be an ISO 4217 code' }],
      });
    }
    if (req.url === '/v1/me') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html>bad gateway</html>');
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the generated types are up to date with the root openapi.json', () => {
  const run = spawnSync(process.execPath, [join(CLIENT_DIR, 'scripts/generate.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
});

test('a list answer gives its items, the next cursor from Link and X-Total-Count', async () => {
  const api = client.createEntropyClient({ baseUrl: base, token: 'ent_s_x' });
  const result = await client.page(api.GET('/v1/organizations', { params: { query: { per: 1 } } }));
  assert.deepEqual(result.items, [{ id: 'a' }]);
  assert.equal(result.nextCursor, 'abc==');
  assert.equal(result.totalCount, 7);
  assert.equal(seen.at(-1)!.headers.authorization, 'Bearer ent_s_x');
});

test('ETag comes with the resource; a stale If-Match is an ApiError that says so', async () => {
  const api = client.createEntropyClient({ baseUrl: base, csrfToken: () => 'csrf-1' });
  const { data, etag } = await client.withEtag(api.GET('/v1/organizations/{id}', { params: { path: { id: 'o1' } } }));
  assert.deepEqual(data, { id: 'o1' });
  assert.equal(etag, 'W/"v3"');
  const error = await client
    .ok(api.PUT('/v1/organizations/{id}', { params: { path: { id: 'o1' }, header: { 'If-Match': etag } }, body: { city: 'Lyon' } }))
    .then(
      () => assert.fail('a 412 must throw'),
      (e: ApiErrorLike) => e,
    );
  assert.ok(error instanceof client.ApiError);
  assert.equal(error.status, 412);
  assert.equal(error.isStale, true);
  assert.equal(error.message, 'The organization was changed by someone else');
  const put = seen.at(-1)!;
  assert.equal(put.headers['if-match'], 'W/"v3"');
  assert.equal(put.headers['x-csrf-token'], 'csrf-1', 'a cookie-session write carries the CSRF header');
  assert.equal(put.headers.authorization, undefined);
  assert.equal(seen.at(-2)!.headers['x-csrf-token'], undefined, 'reads do not');
});

test("the contract's error body becomes an ApiError with code, message and details", async () => {
  const api = client.createEntropyClient({ baseUrl: base, token: 'ent_s_x' });
  const error = await client.ok(api.POST('/v1/organizations', { body: { name: 'X', currency: 'nope' } })).catch((e: ApiErrorLike) => e);
  assert.ok(error instanceof client.ApiError);
  assert.equal(error.code, 'VALIDATION.FAILED');
  assert.equal(error.message, 'currency must be an ISO 4217 code');
  assert.deepEqual(error.details, [{ field: 'currency', message: 'must be an ISO 4217 code' }]);
  assert.equal(error.requestId, 'req-1');
  assert.equal(seen.at(-1)!.headers['x-csrf-token'], undefined, 'a bearer client sends no CSRF header');
});

test('an answer without the error body, and an unreachable API, are ApiErrors too', async () => {
  const api = client.createEntropyClient({ baseUrl: base });
  const bad = (await client.ok(api.GET('/v1/me')).catch((e: ApiErrorLike) => e)) as ApiErrorLike;
  assert.equal(bad.status, 502);
  assert.equal(bad.code, 'HTTP.502');
  const gone = client.createEntropyClient({ baseUrl: 'http://127.0.0.1:1' });
  const down = (await client.ok(gone.GET('/v1/me')).catch((e: ApiErrorLike) => e)) as ApiErrorLike;
  assert.ok(down instanceof client.ApiError);
  assert.equal(down.status, 0);
  assert.equal(down.code, 'NETWORK.UNREACHABLE');
});
