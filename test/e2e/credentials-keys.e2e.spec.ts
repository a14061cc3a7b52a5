import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { SecretBox } from '../../src/infrastructure/security/secret-box.js';
import { runNode } from '../support/processes.js';
import { createTestDatabase, TEST_DB, type TestDatabase } from '../support/test-app.js';

const OLD = { id: 'old', key: randomBytes(32) };
const NEW = { id: 'new', key: randomBytes(32) };
const keys = (...specs: { id: string; key: Buffer }[]) => specs.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
const TOKEN = `EAA${randomBytes(40).toString('hex')}`;

let database: TestDatabase;

/** Runs SQL on the test database directly (the CLI must not share an embedded database with anyone). */
async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  if (TEST_DB === 'pglite') {
    const db = await PGlite.create({ dataDir: join(database.env.DATA_DIR, 'pglite') });
    try {
      return (await db.query<T>(text, params)).rows;
    } finally {
      await db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function rotate(encryptionKeys: string) {
  return runNode('src/cli.js', ['keys:rotate'], { DATABASE_URL: '', ...database.env, NODE_ENV: 'test', ENCRYPTION_KEYS: encryptionKeys });
}

before(async () => {
  database = await createTestDatabase();
});
after(() => database.drop());

test('npm run cli -- keys:rotate re-encrypts every stored token under the first key and prints one JSON line', async () => {
  const empty = await rotate(keys(OLD));
  assert.equal(empty.code, 0, empty.stderr);
  assert.equal(empty.stdout, '{"rotated":0}\n');

  const [{ id: orgId }] = await sql<{ id: string }>(
    `INSERT INTO organizations (name, vanity_slug) VALUES ('Keys Org', 'keys-org') RETURNING id`,
  );
  const [{ id }] = await sql<{ id: number }>(
    `INSERT INTO credentials (organization_id, facebook_user_id, name, status, created_by) VALUES ($1, '1', 'Ada', 'active', 'user:1') RETURNING id`,
    [orgId],
  );
  await sql('UPDATE credentials SET encrypted_token = $2 WHERE id = $1', [id, new SecretBox([OLD]).encrypt(TOKEN, `credential:${id}`)]);

  const rotated = await rotate(keys(NEW, OLD));
  assert.equal(rotated.code, 0, rotated.stderr);
  assert.deepEqual(
    rotated.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
    [{ rotated: 1 }],
  );
  const [row] = await sql<{ encrypted_token: string }>('SELECT encrypted_token FROM credentials WHERE id = $1', [id]);
  assert.match(row.encrypted_token, /^v1\.new\./);
  assert.equal(new SecretBox([NEW]).decrypt(row.encrypted_token, `credential:${id}`), TOKEN);

  const again = await rotate(keys(NEW, OLD));
  assert.equal(again.stdout, '{"rotated":0}\n');

  const lost = await rotate(keys({ id: 'other', key: randomBytes(32) }));
  assert.equal(lost.code, 1);
  assert.match(lost.stderr, /credentials row \d+: Sealed with key id "new", which ENCRYPTION_KEYS does not hold/);
  assert.equal(lost.stderr.includes(TOKEN), false);
});

test('keys:rotate re-encrypts webhook signing secrets too', async () => {
  const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
  const [{ id: orgId }] = await sql<{ id: string }>(
    `INSERT INTO organizations (name, vanity_slug) VALUES ('Hook Keys', 'hook-keys') RETURNING id`,
  );
  const [{ id: endpointId }] = await sql<{ id: string }>(
    `INSERT INTO webhook_endpoints (id, organization_id, url, event_types, start_sequence) VALUES (gen_random_uuid(), $1, 'https://hooks.example.com', '{*}', 0) RETURNING id`,
    [orgId],
  );
  const [{ id }] = await sql<{ id: number }>(
    `INSERT INTO webhook_secrets (endpoint_id, encrypted_secret) VALUES ($1, 'pending') RETURNING id`,
    [endpointId],
  );
  await sql('UPDATE webhook_secrets SET encrypted_secret = $2 WHERE id = $1', [
    id,
    new SecretBox([NEW]).encrypt(SECRET, `webhook_secret:${id}`),
  ]);
  const rotated = await rotate(keys(OLD, NEW));
  assert.equal(rotated.code, 0, rotated.stderr);
  const [row] = await sql<{ encrypted_secret: string }>('SELECT encrypted_secret FROM webhook_secrets WHERE id = $1', [id]);
  assert.match(row.encrypted_secret, /^v1\.old\./);
  assert.equal(new SecretBox([OLD]).decrypt(row.encrypted_secret, `webhook_secret:${id}`), SECRET);
  assert.equal(rotated.stdout.includes(SECRET.slice(6)), false);
});
