#!/usr/bin/env node
// Runs every compiled test file with node's test runner and ends with "N passed, M failed".
//
// Database: PostgreSQL at TEST_DATABASE_URL (default: the local server), one database per test
// file. With no server reachable the suite falls back to the embedded PGlite and says so; with
// CI=true that fallback is an error. The e2e files run a second time on PGlite as a smoke run of
// the embedded default.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import pg from 'pg';

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
  const stream = run({ files: testFiles, concurrency: 2, timeout: 120_000 });
  stream.on('test:pass', (event) => {
    if (event.details.type === 'suite') return;
    if (event.skip || event.todo) counts.skipped++;
    else counts.passed++;
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') counts.failed++;
  });
  await new Promise((resolve, reject) => {
    stream.compose(spec).on('data', (chunk) => process.stdout.write(chunk)).on('end', resolve).on('error', reject);
  });
  return counts;
}

const all = files(root, /\.spec\.js$/).sort();
const e2e = all.filter((f) => f.includes('/e2e/'));
if (all.length === 0) {
  process.stdout.write('No compiled test files found under dist/test: run `npm run build` first.\n0 passed, 1 failed\n');
  process.exit(1);
}

const reachable = await postgresReachable();
const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => { totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped; };

if (reachable === true) {
  add(await runPass(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//')}`, all, { TEST_DB: 'postgres', TEST_DATABASE_URL: url }));
  add(await runPass('Smoke run of the e2e suite on embedded PGlite', e2e, { TEST_DB: 'pglite' }));
} else if (process.env.CI === 'true') {
  process.stdout.write(`PostgreSQL is not reachable at ${url} (${reachable.message}) and CI=true forbids the PGlite fallback.\n0 passed, 1 failed\n`);
  process.exit(1);
} else {
  process.stdout.write(`PostgreSQL is not reachable at ${url} (${reachable.message}): running on embedded PGlite; tests that need a real server are skipped.\n`);
  add(await runPass('Embedded PGlite', all, { TEST_DB: 'pglite' }));
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
