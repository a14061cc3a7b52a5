import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, runNode, startService, type Service } from '../support/processes.js';

// The real entry points as processes, on the embedded default a newcomer gets.
const dataDir = mkdtempSync(join(tmpdir(), 'entropy-service-'));
let service: Service;
let base: string;
let token: string;

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  service = startService({ PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info', DATABASE_URL: '' });
  token = (await service.waitFor(/Session token \(shown once\): (ent_s_\w+)/))[1];
  await service.waitFor(/\/docs/);
});
after(async () => {
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('start-up is one line naming the URL, the database and Swagger UI, then the first-start banner, last', async () => {
  const output = service.output();
  assert.match(
    output,
    /"msg":"Listening on http:\/\/localhost:\d+ \(port \d+\), database: embedded PGlite in [^,]+, Swagger UI: http:\/\/localhost:\d+\/docs"/,
  );
  assert.equal(/InstanceLoader|RoutesResolver|RouterExplorer/.test(output), false, 'Nest bootstrap chatter stays at debug');
  assert.ok(output.indexOf('Listening on') < output.indexOf('First start:'), 'the banner comes after the start-up line');
  assert.match(output, /Try the API at http:\/\/localhost:\d+\/docs\s+\(Authorize -> paste the token\)\s*$/);
});

test('a port already in use stops the start with one clear line, no stack', async () => {
  const otherDir = mkdtempSync(join(tmpdir(), 'entropy-port-'));
  try {
    const run = await runNode('src/main.js', [], {
      PORT: new URL(base).port,
      DATA_DIR: otherDir,
      DATABASE_URL: '',
      NODE_ENV: 'development',
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Failed to start: port \d+ is already in use/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  } finally {
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('the first start prints the bootstrap admin token and the Swagger UI address', async () => {
  assert.match(service.output(), /Try the API at http:\/\/localhost:\d+\/docs/);
  const me = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { email: string }).email, 'admin@localhost');
});

test('a newcomer can create, read, update and delete an organization with that token', async () => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/v1/organizations`, { method: 'POST', headers, body: JSON.stringify({ name: 'Newcomer Org' }) });
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  const read = await fetch(`${base}/v1/organizations/${id}`, { headers });
  assert.equal(read.status, 200);
  const etag = read.headers.get('etag')!;
  const updated = await fetch(`${base}/v1/organizations/${id}`, {
    method: 'PUT',
    headers: { ...headers, 'if-match': etag },
    body: JSON.stringify({ city: 'Lyon' }),
  });
  assert.equal(updated.status, 200);
  assert.equal((await fetch(`${base}/v1/organizations/${id}`, { method: 'DELETE', headers })).status, 204);
});

test('the CLI refuses to open the embedded database while the service holds it', async () => {
  const run = await runNode('src/cli.js', ['sessions:create', '--email', 'admin@localhost'], { DATA_DIR: dataDir, DATABASE_URL: '' });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /in use by entropy service \(pid \d+\)/);
  assert.equal(run.stdout, '');
});

test('logs are JSON lines that never contain a token, an Authorization header or an OAuth code/state', async () => {
  await fetch(`${base}/v1/me?code=secret-code-123&state=secret-state-456`, {
    headers: { authorization: `Bearer ${token}`, cookie: 'session=cookie-secret' },
  });
  await fetch(`${base}/v1/me`, { headers: { authorization: 'Bearer ent_s_notarealtokenbutsecretlooking0000000' } });
  await new Promise((r) => setTimeout(r, 200));
  const logLines = service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'));
  assert.ok(logLines.length > 3);
  for (const line of logLines) JSON.parse(line);
  const logs = logLines.join('\n');
  assert.ok(logs.includes('/v1/me?code=[REDACTED]&state=[REDACTED]'), 'the request is logged, scrubbed');
  for (const secret of [token, 'secret-code-123', 'secret-state-456', 'cookie-secret', 'notarealtoken', 'Bearer']) {
    assert.equal(logs.includes(secret), false, secret);
  }
});

test('SIGTERM shuts down gracefully and releases the embedded database', async () => {
  // Nest closes the app on SIGTERM, then re-raises the signal.
  const { code, signal } = await service.stop();
  assert.ok(code === 0 || signal === 'SIGTERM', `exit ${code} ${signal}`);
  const run = await runNode('src/cli.js', ['sessions:create', '--email', 'admin@localhost'], { DATA_DIR: dataDir, DATABASE_URL: '' });
  assert.equal(run.code, 0, run.stderr);
  const line = JSON.parse(run.stdout);
  assert.match(line.access_token, /^ent_s_/);
  assert.equal(line.user.email, 'admin@localhost');
});

test('an invalid configuration exits at start with one line naming the variable', async () => {
  const run = await runNode('src/main.js', [], { PORT: 'eighty', DATA_DIR: dataDir });
  assert.equal(run.code, 1);
  assert.equal(run.stderr.trim().split('\n').length, 1);
  assert.match(run.stderr, /^Invalid configuration: PORT /);
});

test('an unreachable DATABASE_URL exits at start with one line naming it, without its password', async () => {
  const run = await runNode('src/main.js', [], { DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/nowhere', DATA_DIR: dataDir });
  assert.equal(run.code, 1);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, /^DATABASE_URL: cannot reach the database at 127\.0\.0\.1:1\/nowhere/);
  assert.equal(run.stderr.includes('hunter2'), false);
});
