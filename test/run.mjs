#!/usr/bin/env node
// Runs every compiled test file with node's test runner and ends with "N passed, M failed".
//
// Database: PostgreSQL at TEST_DATABASE_URL (default: the local server), one database per test
// file, three files at a time. With no server reachable the suite falls back to the embedded PGlite and says so; with
// CI=true that fallback is an error. Then the e2e files that exercise what differs on the embedded
// default run a second time on PGlite (PGLITE_PASS below). With file arguments, only those run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import pg from 'pg';

const projectRoot = new URL('..', import.meta.url).pathname;
const root = new URL('../dist/test/', import.meta.url).pathname;
const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function files(dir, pattern) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function runPass(label, testFiles, env) {
  Object.assign(process.env, env);
  process.stdout.write(`\n=== ${label} (${testFiles.length} files) ===\n`);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const stream = run({ files: testFiles, concurrency: 3, timeout: 300_000 });
  stream.on('test:pass', (event) => {
    if (event.details.type === 'suite') return;
    if (event.skip || event.todo) counts.skipped++;
    else counts.passed++;
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') counts.failed++;
  });
  await new Promise((resolve, reject) => {
    stream
      .compose(spec)
      .on('data', (chunk) => process.stdout.write(chunk))
      .on('end', resolve)
      .on('error', reject);
  });
  return counts;
}

// Builds are incremental, so dist/ may keep the output of a deleted test: run only compiled files
// whose source still exists.
const sourceOf = (compiled) => join(projectRoot, relative(join(projectRoot, 'dist'), compiled)).replace(/\.js$/, '.ts');
const compiled = files(root, /\.spec\.js$/)
  .filter((f) => existsSync(sourceOf(f)))
  .sort();
// `npm test -- test/e2e/members.e2e.spec.ts ...` runs only those files (on PostgreSQL, or PGlite with TEST_DB=pglite).
const wanted = process.argv.slice(2).map((arg) => resolve(arg));
const all = wanted.length ? compiled.filter((f) => wanted.includes(sourceOf(f))) : compiled;
if (wanted.length && all.length !== wanted.length) {
  process.stdout.write(
    `Not a test file under test/: ${wanted.filter((w) => !all.some((f) => sourceOf(f) === w)).join(', ')}\n0 passed, 1 failed\n`,
  );
  process.exit(1);
}
// The PGlite pass repeats what differs on the embedded database: its serialized session, locks,
// migrations, and one pass of each module's main flows. (The CLI's lock on the embedded database is
// proven by embedded-lock and service-process, which run on PGlite in the first pass.)
const PGLITE_PASS = [
  'embedded-serialization',
  'principal-cache',
  'prepared-reads',
  'migrations',
  'outbox',
  'organizations',
  'members',
  'invitations',
  'authorization-tokens',
  'credentials',
  'auth',
];
const e2e = all.filter((f) => f.includes('/e2e/') && (wanted.length > 0 || PGLITE_PASS.some((name) => f.endsWith(`/${name}.e2e.spec.js`))));
if (all.length === 0) {
  process.stdout.write('No compiled test files found under dist/test: run `npm run build` first.\n0 passed, 1 failed\n');
  process.exit(1);
}

const reachable = await postgresReachable();
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};

if (wanted.length && process.env.TEST_DB === 'pglite') {
  add(await runPass('Embedded PGlite', all, { TEST_DB: 'pglite' }));
} else if (reachable === true) {
  add(await runPass(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')}`, all, { TEST_DB: 'postgres', TEST_DATABASE_URL: url }));
  if (!wanted.length) add(await runPass('The embedded-database pass on PGlite', e2e, { TEST_DB: 'pglite' }));
} else if (process.env.CI === 'true') {
  process.stdout.write(
    `PostgreSQL is not reachable at ${url} (${reachable.message}) and CI=true forbids the PGlite fallback.\n0 passed, 1 failed\n`,
  );
  process.exit(1);
} else {
  process.stdout.write(
    `PostgreSQL is not reachable at ${url} (${reachable.message}): running on embedded PGlite; tests that need a real server are skipped.\n`,
  );
  add(await runPass('Embedded PGlite', all, { TEST_DB: 'pglite' }));
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
