import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
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
  const opened = JSON.parse(ok.stdout);
  assert.match(opened.access_token, /^ent_s_/);
  assert.deepEqual(
    { ...opened.user, id: 0 },
    { id: 0, name: 'Operator', email: 'op@example.com', is_admin: true },
    'the same user shape as users:create',
  );
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

test('users:link-facebook attaches an identity, prints the user, and refuses an identity another user has', async () => {
  const created = await runNode('src/cli.js', ['users:create', '--email', 'linked@example.com', '--name', 'Linked'], env);
  assert.equal(created.code, 0, created.stderr);
  const { user: createdUser } = JSON.parse(created.stdout);
  const run = await runNode('src/cli.js', ['users:link-facebook', '--email', 'Linked@Example.com', '--facebook-id', '10000000042'], env);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.deepEqual(JSON.parse(lines[0]), { user: createdUser });
  const again = await runNode('src/cli.js', ['users:link-facebook', '--email', 'linked@example.com', '--facebook-id', '10000000042'], env);
  assert.equal(again.code, 0, again.stderr);

  assert.equal((await runNode('src/cli.js', ['users:create', '--email', 'other@example.com', '--name', 'Other'], env)).code, 0);
  const taken = await runNode('src/cli.js', ['users:link-facebook', '--email', 'other@example.com', '--facebook-id', '10000000042'], env);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /already attached to another account/);
  const otherId = await runNode(
    'src/cli.js',
    ['users:link-facebook', '--email', 'linked@example.com', '--facebook-id', '10000000043'],
    env,
  );
  assert.equal(otherId.code, 1);
  assert.match(otherId.stderr, /already attached to a different Facebook account/);

  // What was stored (readable from outside only on a PostgreSQL server; the refusals above hold on both).
  if (env.DATABASE_URL) {
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT email, facebook_user_id FROM users WHERE email IN ($1, $2) ORDER BY email', [
        'linked@example.com',
        'other@example.com',
      ]);
      assert.deepEqual(rows, [
        { email: 'linked@example.com', facebook_user_id: '10000000042' },
        { email: 'other@example.com', facebook_user_id: null },
      ]);
      const events = await db.query(`SELECT data FROM events WHERE type = 'tech.entropy.user.facebook_linked' AND aggregate_id = $1`, [
        String(createdUser.id),
      ]);
      assert.deepEqual(
        events.rows.map((r) => r.data.via),
        ['cli'],
        'attaching the same identity again is no second link',
      );
    } finally {
      await db.end();
    }
  }
  const unknown = await runNode('src/cli.js', ['users:link-facebook', '--email', 'ghost@example.com', '--facebook-id', '10000000044'], env);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /No user has the email ghost@example.com/);
  const usage = await runNode('src/cli.js', ['users:link-facebook', '--email', 'linked@example.com', '--facebook-id', 'abc'], env);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /--facebook-id must be/);
});

test('--help prints the usage and exits 0; a bad option or email is a usage error, not a stack', async () => {
  for (const args of [['--help'], ['-h'], []]) {
    const help = await runNode('src/cli.js', args, env);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: npm run cli -- <command>/);
    assert.match(help.stdout, /users:link-facebook/);
  }
  const bogus = await runNode('src/cli.js', ['users:create', '--bogus'], env);
  assert.equal(bogus.code, 1);
  assert.match(bogus.stderr, /^Unknown option '--bogus'/);
  assert.equal(/\n\s+at /.test(bogus.stderr), false, 'no stack trace');
  const invalid = await runNode('src/cli.js', ['users:create', '--email', 'not-an-email', '--name', 'X'], env);
  assert.equal(invalid.code, 1);
  assert.match(invalid.stderr, /^--email must be an email address, got "not-an-email"/);
});
