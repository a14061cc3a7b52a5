/**
 * `npm run bench`: a real load against the real service, on loopback only.
 *
 * Starts the compiled service (dist/src/main.js) as its own process (PostgreSQL at BENCH_DATABASE_URL, default the
 * local server, in a fresh database; BENCH_DB=pglite for the embedded default), seeds a user and
 * organizations, then drives each scenario with a fixed number of concurrent keep-alive
 * connections for a fixed time and reports requests/s, latency percentiles and the service's RSS.
 * Bounded: every scenario stops after BENCH_SECONDS (default 5).
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, runNode, startService } from '../support/processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const embedded = process.env.BENCH_DB === 'pglite';

interface Result {
  scenario: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function once(agent: Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function load(
  scenario: string,
  port: number,
  pid: number,
  make: (i: number) => { method: string; path: string; body?: string },
  headers: Record<string, string>,
  expect: number,
): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const { method, path, body } = make(counter++);
        const t0 = process.hrtime.bigint();
        try {
          const status = await once(agent, port, method, path, headers, body);
          if (status !== expect) errors++;
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 100) / 100;
  return {
    scenario,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: pct(0.5),
    p99: pct(0.99),
    rssMb: rssMb(pid),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'entropy-bench-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`,
    DATABASE_URL: '',
  };
  // One token makes far more than 1200 requests a minute here: still counted, never refused.
  env.RATE_LIMIT_PER_MINUTE = '1000000000';
  const dbName = `entropy_bench_${Date.now()}`;
  if (!embedded) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  const port = await freePort();
  // Seed through the CLI before the service holds the database.
  const seeded = await runNode('src/cli.js', ['users:create', '--email', 'bench@example.com', '--name', 'Bench'], env);
  if (seeded.code !== 0) throw new Error(seeded.stderr);
  const token = JSON.parse(seeded.stdout).access_token as string;

  const service = startService({ ...env, PORT: String(port) });
  try {
    for (let ready = false; !ready;) {
      if (service.child.exitCode !== null) throw new Error(`service exited:\n${service.output()}`);
      ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    const pid = service.child.pid!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const agent = new Agent({ keepAlive: true });
    for (let i = 0; i < 200; i++) {
      await once(agent, port, 'POST', '/v1/organizations', headers, JSON.stringify({ name: `Seed ${i}`, currency: 'USD' }));
    }
    agent.destroy();
    const list = await fetch(`http://127.0.0.1:${port}/v1/organizations?per=1`, { headers });
    const [{ id }] = (await list.json()) as { id: string }[];

    const results: Result[] = [];
    const idle = rssMb(pid);
    results.push(await load('GET /health/live', port, pid, () => ({ method: 'GET', path: '/health/live' }), {}, 200));
    results.push(await load('GET /v1/me', port, pid, () => ({ method: 'GET', path: '/v1/me' }), headers, 200));
    results.push(
      await load('GET /v1/organizations/{id}', port, pid, () => ({ method: 'GET', path: `/v1/organizations/${id}` }), headers, 200),
    );
    results.push(
      await load('GET /v1/organizations?per=50', port, pid, () => ({ method: 'GET', path: '/v1/organizations?per=50' }), headers, 200),
    );
    results.push(
      await load(
        'POST /v1/organizations',
        port,
        pid,
        (i) => ({ method: 'POST', path: '/v1/organizations', body: JSON.stringify({ name: `Load ${i}` }) }),
        headers,
        201,
      ),
    );

    process.stdout.write(
      `Entropy API bench: ${embedded ? 'embedded PGlite' : 'PostgreSQL'}, ${CONNECTIONS} connections, ${SECONDS}s per scenario, idle RSS ${idle} MB\n`,
    );
    process.stdout.write('scenario                          req/s    p50 ms   p99 ms   errors  RSS MB\n');
    for (const r of results) {
      process.stdout.write(
        `${r.scenario.padEnd(32)} ${String(r.rps).padStart(6)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.rssMb).padStart(7)}\n`,
      );
    }
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (!embedded) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
