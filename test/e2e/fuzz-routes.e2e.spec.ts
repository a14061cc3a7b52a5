import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import * as fc from 'fast-check';
import { OpenSessionCommand } from '../../src/auth/commands/open-session/open-session.command.js';
import { call, createOrganization } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Every route in the OpenAPI document (so a new route is fuzzed the day it is added), hit with deep
 * nesting, lone surrogates, garbage types, wrong content types, broken or over-long path
 * parameters and odd query strings, anonymously, as the organization's owner, with its
 * authorization token and with garbage credentials. No answer may be a 5xx, and every error must
 * be the contract's error body with X-Request-Id. The one 5xx the contract defines for this setup
 * is 503 FACEBOOK.NOT_CONFIGURED (Facebook is not configured here).
 */

const SEED = 20261201;
const RUNS_PER_ROUTE = 30;
const OWNER_EMAIL = 'fuzz-owner@example.com';

let t: TestApp;

/** Real ids the generated requests may point at; replaced when a request deletes or revokes them. */
const world = { ownerToken: '', ownerId: 0, organizationId: '', orgToken: '', tokenId: '' };

async function issueOrgToken(): Promise<void> {
  const res = await call(t.app, 'POST', `/v1/organizations/${world.organizationId}/authorization_tokens`, {
    token: world.ownerToken,
    body: {},
  });
  assert.equal(res.status, 201, res.text);
  world.orgToken = res.body.token;
  world.tokenId = res.body.id;
}

async function newOrganization(): Promise<void> {
  world.organizationId = await createOrganization(t.app, world.ownerToken, { name: 'Fuzzed' });
  await issueOrgToken();
}

interface Route {
  method: string;
  template: string;
  pathParams: string[];
  bodyFields: string[];
  /** A plausible body built from the schema's examples, for mutations one field at a time. */
  example: Record<string, unknown>;
}

interface PropertySchema {
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
}

function plausible(property: PropertySchema): unknown {
  if (property.example !== undefined) return property.example;
  if (property.enum) return property.enum[0];
  if (property.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  return property.type === 'boolean' ? true : property.type === 'number' || property.type === 'integer' ? 1 : 'x';
}

let routes: Route[] = [];

before(async () => {
  // Counting every generated request against a rate limit would fuzz the 429 path only.
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });
  const owner = await t.user(OWNER_EMAIL);
  world.ownerToken = owner.token;
  world.ownerId = owner.id;
  await newOrganization();

  const doc = (await call(t.app, 'GET', '/docs-json')).body;
  const properties = (ref: string | undefined): Record<string, PropertySchema> =>
    ref ? (doc.components.schemas[ref.split('/').pop()!]?.properties ?? {}) : {};
  routes = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const fields = properties(operation.requestBody?.content?.['application/json']?.schema?.$ref);
      return {
        method: method.toUpperCase(),
        template,
        pathParams: (operation.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name),
        bodyFields: Object.keys(fields),
        example: Object.fromEntries(Object.entries(fields).map(([name, property]) => [name, plausible(property)])),
      };
    }),
  );
});
after(() => t.close());

// ---- generators -----------------------------------------------------------------------------

/** Percent-encodes every byte of a string; a lone surrogate becomes its (invalid) 3-byte UTF-8 form. */
function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    const bytes =
      char.length === 1 && unit >= 0xd800 && unit <= 0xdfff
        ? [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        : [...Buffer.from(char, 'utf8')];
    out += /^[A-Za-z0-9_.~-]$/.test(char) ? char : bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff');
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  {
    weight: 2,
    arbitrary: fc.tuple(fc.string({ maxLength: 10 }), loneSurrogate, fc.string({ maxLength: 10 })).map((parts) => parts.join('')),
  },
  fc.constantFrom('\u0000', 'a\u0000b', '', ' ', '\ufeff', '\u202e', 'null', '1e3', '-0', 'NaN', '0x10', '😀', '\ud83d\ude00'),
);

/** A path parameter: the real id, a well-formed stranger, or garbage; raw segments are sent as is. */
const pathParam = (name: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant({ real: name }) },
    { weight: 2, arbitrary: fc.oneof(fc.uuid().map(String), fc.integer({ min: -1e12, max: 1e12 }).map(String)).map((raw) => ({ raw })) },
    { weight: 2, arbitrary: nasty.map((text) => ({ raw: percentEncode(text) })) },
    { weight: 1, arbitrary: fc.integer({ min: 90, max: 3000 }).map((n) => ({ raw: 'a'.repeat(n) })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('%', '%zz', '%ED%A0%80', '%00', '%C0%AF', '%E0%A4%A', '%FF', '%2e%2e', '%2F', '%252F', ';x', '%20', '9'.repeat(40))
        .map((raw) => ({ raw })),
    },
  );

const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'per',
          'cursor',
          'redirect',
          'state',
          'code',
          'error',
          'link',
          'after',
          'type',
          '__proto__',
          'constructor',
          'a[b]',
          'per[]',
        ),
        nasty.map(percentEncode),
      ),
      fc.oneof(
        fc.constantFrom(
          '-1',
          '0',
          '1',
          '100',
          '101',
          '1e3',
          '1.5',
          'abc',
          '',
          '%00',
          '%zz',
          '%ED%A0%80',
          '%',
          'http://evil.test/',
          '//evil.test',
        ),
        nasty.map(percentEncode),
        fc.integer({ min: 1, max: 5000 }).map((n) => 'q'.repeat(n)),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? '?' + pairs.map(([key, value]) => `${key}=${value}`).join('&') : ''));

/** Nesting as text, so it can go far deeper than any object a generator would build. */
const deepText = fc
  .tuple(fc.integer({ min: 20, max: 5000 }), fc.boolean())
  .map(([levels, arrays]) => (arrays ? '['.repeat(levels) + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)));

const garbageValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.constant('x'.repeat(5000)), fc.array(nasty, { maxLength: 3 }));

const body = ({ bodyFields: fields, example }: Route) =>
  fc.oneof(
    // A plausible body with one field replaced, so the rest of it cannot fail validation first.
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...(fields.length ? fields : ['name'])), fc.oneof(nasty, garbageValue))
        .map(([field, value]) => JSON.stringify({ ...example, [field]: value })),
    },
    { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
    {
      weight: 4,
      arbitrary: fc
        .dictionary(fields.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, nasty) : nasty, garbageValue, {
          maxKeys: 5,
        })
        .map((value) => JSON.stringify(value)),
    },
    { weight: 2, arbitrary: deepText.map((deep) => `{"${fields[0] ?? 'name'}":${deep}}`) },
    { weight: 1, arbitrary: deepText },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":',
        'null',
        'true',
        '1',
        '"x"',
        '[]',
        '"\\ud800"',
        '{"\\udc00":1}',
        '{"__proto__":{"is_admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
        '{"a":1,"a":2}',
        'signed_request=a.b',
        '\u0000',
        '\ufeff{}',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '???',
      'application/json, text/plain',
      undefined,
    ),
  },
);

type Caller = 'anonymous' | 'owner' | 'orgToken' | 'garbage';
const caller = fc.constantFrom<Caller>('anonymous', 'owner', 'owner', 'owner', 'orgToken', 'garbage');
const garbageAuthorization = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer x',
    'Basic %%%',
    'Basic ' + Buffer.from(':').toString('base64'),
    'Bearer ent_s_',
    'Bearer ent_o_AAAA',
    'Negotiate x',
  ),
  nasty.map((text) => `Bearer ${percentEncode(text)}`),
);

const extraHeaders = fc.record(
  {
    'idempotency-key': fc.oneof(fc.string({ maxLength: 20 }).map(percentEncode), fc.constant('k'.repeat(300))),
    'if-match': fc.constantFrom('*', '"1"', '"abc"', 'W/"1"', '', '"1", "2"'),
    'x-request-id': fc.constantFrom('trace-1', 'bad id with spaces', 'x'.repeat(300)),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml'),
  },
  { requiredKeys: [] },
);

const request = (route: Route) =>
  fc.record({
    method: fc.oneof(
      { weight: 12, arbitrary: fc.constant(route.method) },
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
    ),
    params: fc.tuple(...route.pathParams.map(pathParam)),
    query: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, queryString),
    body: fc.option(body(route), { nil: undefined, freq: 4 }),
    contentType,
    caller,
    garbageAuthorization,
    headers: extraHeaders,
  });

type Req = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

// ---- execution and the property ---------------------------------------------------------------

function realValue(name: string): string {
  if (name === 'id') return world.organizationId;
  if (name === 'userId') return String(world.ownerId);
  if (name === 'tokenId') return world.tokenId;
  if (name === 'credentialId') return '1';
  // A parameter of a route added later: a well-formed id that names nothing still gets past its pipe.
  return name.endsWith('Id') ? '00000000-0000-4000-8000-000000000000' : 'abc123';
}

async function send(
  route: Route,
  generated: Req,
  fixedPath?: string,
): Promise<{ description: string; status: number; headers: Record<string, unknown>; text: string }> {
  let index = 0;
  const path =
    fixedPath ??
    route.template.replace(/\{[^}]+\}/g, () => {
      const param = generated.params[index++];
      return 'real' in param ? realValue(param.real) : param.raw;
    });
  const url = path + generated.query;
  const headers: Record<string, string> = { ...generated.headers };
  if (generated.caller === 'owner') headers.authorization = `Bearer ${world.ownerToken}`;
  if (generated.caller === 'orgToken') headers.authorization = `Bearer ${world.orgToken}`;
  if (generated.caller === 'garbage') headers.authorization = generated.garbageAuthorization;
  if (generated.body !== undefined && generated.contentType !== undefined) headers['content-type'] = generated.contentType;
  const response = await t.app.inject({
    method: generated.method as 'GET',
    url,
    headers,
    ...(generated.body === undefined ? {} : { payload: generated.body }),
  });
  const description = `${generated.method} ${url} as ${generated.caller} (content-type ${headers['content-type']}, body ${JSON.stringify(generated.body)?.slice(0, 300)})`;
  return { description, status: response.statusCode, headers: response.headers, text: response.body };
}

/** Keeps the world usable after a write that succeeded: a logout, a deleted organization or token is undone. */
async function repair(): Promise<void> {
  if ((await call(t.app, 'GET', '/v1/me', { token: world.ownerToken })).status === 401) {
    world.ownerToken = (await t.app.get(CommandBus).execute(new OpenSessionCommand(OWNER_EMAIL))).access_token;
  }
  if ((await call(t.app, 'GET', `/v1/organizations/${world.organizationId}`, { token: world.ownerToken })).status === 404) {
    await newOrganization();
  } else if ((await call(t.app, 'GET', '/v1/me', { token: world.orgToken })).status === 401) {
    await issueOrgToken();
  }
}

const CODE = /^[A-Z][A-Z_]*(\.[A-Z][A-Z_]*)+$/;

function assertContractAnswer(method: string, answer: Awaited<ReturnType<typeof send>>): void {
  const where = `${answer.description} → ${answer.status} ${answer.text.slice(0, 300)}`;
  assert.ok(answer.headers['x-request-id'], `no X-Request-Id: ${where}`);
  if (answer.status < 400 || method === 'HEAD') {
    assert.ok(answer.status < 500, where);
    return;
  }
  let error: Record<string, unknown>;
  try {
    error = JSON.parse(answer.text);
  } catch {
    assert.fail(`error body is not JSON: ${where}`);
  }
  const notConfigured = answer.status === 503 && error.code === 'FACEBOOK.NOT_CONFIGURED';
  assert.ok(answer.status < 500 || notConfigured, `5xx: ${where}`);
  assert.deepEqual(
    Object.keys(error)
      .filter((key) => key !== 'details')
      .sort(),
    ['code', 'error', 'message', 'statusCode'],
    where,
  );
  assert.equal(error.statusCode, answer.status, where);
  assert.equal(typeof error.message, 'string', where);
  assert.equal(typeof error.error, 'string', where);
  assert.match(String(error.code), CODE, where);
  assert.doesNotMatch(answer.text, /FST_|\bat .+:\d+:\d+|QueryFailedError|SELECT |INSERT /, where);
}

test('no input to any route in /docs-json produces a 5xx or an error outside the contract', async (context) => {
  assert.ok(routes.length >= 20, `only ${routes.length} routes in /docs-json`);
  assert.ok(routes.some((route) => route.template === '/v1/organizations/{id}' && route.method === 'PUT'));
  for (const route of routes) {
    await context.test(`${route.method} ${route.template}`, async () => {
      await fc.assert(
        fc.asyncProperty(request(route), async (generated) => {
          const answer = await send(route, generated);
          if (!['GET', 'HEAD', 'OPTIONS'].includes(generated.method) && answer.status < 300) await repair();
          assertContractAnswer(generated.method, answer);
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, includeErrorInReport: true },
      );
    });
  }
});

test('arbitrary paths answer within the contract (mostly 404, in the error body)', async () => {
  const segment = fc.oneof(
    fc.constantFrom('v1', 'organizations', 'members', '..', '%zz', '%00', '%ED%A0%80', ''),
    nasty.map(percentEncode),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(segment, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('GET', 'POST', 'DELETE'),
      async (segments, method) => {
        const url = `/${segments.join('/')}`;
        const response = await t.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${world.ownerToken}` } });
        assertContractAnswer(method, {
          description: `${method} ${url}`,
          status: response.statusCode,
          headers: response.headers,
          text: response.body,
        });
      },
    ),
    { seed: SEED, numRuns: 150, includeErrorInReport: true },
  );
});

test('every body field of every route refuses a lone surrogate, NUL and deep nesting with 400', async () => {
  const deep = '['.repeat(3000) + ']'.repeat(3000);
  for (const route of routes.filter((candidate) => candidate.bodyFields.length)) {
    const path = route.template.replace(/\{([^}]+)\}/g, (_, name: string) => realValue(name));
    for (const field of route.bodyFields) {
      for (const [kind, text] of [
        ['surrogate', `{"${field}":"x\\ud800"}`],
        ['NUL', `{"${field}":"x\\u0000"}`],
        ['nesting', `{"${field}":${deep}}`],
      ]) {
        const answer = await send(
          route,
          {
            method: route.method,
            params: [],
            query: '',
            body: text,
            contentType: 'application/json',
            caller: 'owner',
            garbageAuthorization: '',
            headers: {},
          },
          path,
        );
        assertContractAnswer(route.method, answer);
        assert.equal(answer.status, 400, `${kind} in ${field}: ${answer.description} → ${answer.status} ${answer.text}`);
      }
    }
  }
});
