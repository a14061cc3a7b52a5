import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runNode } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

let database: TestDatabase;
let env: Record<string, string>;

before(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: '', ...database.env, NODE_ENV: 'test' };
});
after(() => database.drop());

test('users:create prints one JSON line with the user and a session token', async () => {
  const run = await runNode('src/cli.js', ['users:create', '--email', 'Op@Example.com', '--name', 'Operator', '--admin'], env);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const { user, access_token } = JSON.parse(lines[0]);
  assert.deepEqual({ ...user, id: 0 }, { id: 0, name: 'Operator', email: 'op@example.com', is_admin: true });
  assert.match(access_token, /^ent_s_[0-9A-Za-z]{36}$/);
});

test('sessions:create opens another session; unknown emails and duplicates fail clearly', async () => {
  const ok = await runNode('src/cli.js', ['sessions:create', '--email', 'op@example.com'], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(JSON.parse(ok.stdout).access_token, /^ent_s_/);
  const unknown = await runNode('src/cli.js', ['sessions:create', '--email', 'ghost@example.com'], env);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No user has the email ghost@example.com/);
  const duplicate = await runNode('src/cli.js', ['users:create', '--email', 'op@example.com', '--name', 'Again'], env);
  assert.equal(duplicate.code, 1);
  assert.match(duplicate.stderr, /already exists/);
  const usage = await runNode('src/cli.js', ['users:create', '--email', 'x@example.com'], env);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /--name is required/);
});
