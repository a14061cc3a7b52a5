#!/usr/bin/env node
// `npm run demo`: the API on an embedded database, the fake Facebook, and the dashboard built and
// served by the API at /demo, wired together; prints the address. Ctrl-C stops everything.
//
//   PORT (3000)                 the API, and the dashboard at /demo on the same origin
//   FAKE_FACEBOOK_PORT (4010)   the fake Facebook login dialog and Graph API
//   WEBHOOK_RECEIVER_PORT (4020) a local endpoint that accepts webhook deliveries (answers 204)
//   DEMO_DATA_DIR               keep the database there (default: a temporary folder, removed at exit)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT || 3000);
const fakePort = Number(process.env.FAKE_FACEBOOK_PORT || 4010);
const receiverPort = Number(process.env.WEBHOOK_RECEIVER_PORT || 4020);
const origin = `http://localhost:${port}`;

function step(label, command, args, cwd = root) {
  process.stdout.write(`demo: ${label}\n`);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`demo: ${label} failed\n`);
    process.exit(1);
  }
}

// The client and the page are packages of their own (not installed by the root npm ci).
for (const dir of ['clients/typescript', 'web']) {
  if (!existsSync(join(root, dir, 'node_modules'))) step(`installing ${dir}`, 'npm', ['ci', '--no-audit', '--no-fund'], join(root, dir));
}
step('building the API', 'npm', ['run', 'build', '--silent']);
step('building the dashboard', 'npm', ['run', 'build', '--silent'], join(root, 'web'));

const keep = process.env.DEMO_DATA_DIR;
const dataDir = keep || mkdtempSync(join(tmpdir(), 'entropy-demo-'));
const children = [];

function start(label, script, env) {
  const child = spawn(process.execPath, [join(root, 'dist', script)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`demo: ${label} stopped (${signal ?? code})\n`);
      stop(1);
    }
  });
  return child;
}

function waitFor(child, pattern, label) {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${out}`)), 60_000);
    const onData = (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

let stopping = false;
let receiver;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  receiver?.close();
  setTimeout(() => {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  }, 1500);
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

receiver = createServer((request, response) => {
  let size = 0;
  request.on('data', (chunk) => (size += chunk.length));
  request.on('end', () => {
    process.stdout.write(`webhook receiver: ${request.headers['webhook-id'] ?? '?'} (${size} bytes)\n`);
    response.writeHead(204).end();
  });
});
receiver.listen(receiverPort, '127.0.0.1');

const fake = start('fake Facebook', 'test/support/fake-facebook.cli.js', { PORT: String(fakePort) });
const fakeEnv = Object.fromEntries(
  [...(await waitFor(fake, /FACEBOOK_DIALOG_URL=\S+/, 'fake Facebook')).input.matchAll(/^(FACEBOOK_\w+)=(\S+)$/gm)].map((m) => [
    m[1],
    m[2],
  ]),
);

const api = start('API', 'src/main.js', {
  ...fakeEnv,
  PORT: String(port),
  NODE_ENV: 'development',
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  PUBLIC_URL: origin,
  WEB_APP_URL: origin,
  FACEBOOK_LINK_REDIRECT_URI: `${origin}/demo/facebook/callback`,
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
});
api.stdout.pipe(process.stdout);
api.stderr.pipe(process.stderr);
await waitFor(api, /Listening on/, 'API');
// The first-start banner (the admin's token) follows the start-up line: print the addresses last.
await new Promise((resolve) => setTimeout(resolve, 500));

process.stdout.write(
  `\n  Dashboard:        ${origin}/demo/   (sign in as Ada Lovelace or Grace Hopper on the fake dialog)\n` +
    `  Swagger UI:       ${origin}/docs\n` +
    `  Fake Facebook:    ${fakeEnv.FACEBOOK_DIALOG_URL ?? `http://127.0.0.1:${fakePort}`}\n` +
    `  Webhook receiver: http://127.0.0.1:${receiverPort}/hooks (any path answers 204)\n` +
    `  Database:         ${dataDir}${keep ? '' : ' (removed at exit)'}\n\n  Ctrl-C to stop.\n\n`,
);
