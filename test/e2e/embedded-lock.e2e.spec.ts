import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError } from '../../src/infrastructure/database/embedded-lock.js';
import { BUILD, ROOT } from '../support/processes.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lock-'));
  dirs.push(dir);
  return dir;
}

interface Contender {
  child: ChildProcess;
  outcome: Promise<string>;
}

function contender(dir: string): { ready: Promise<void>; contender: Contender } {
  const child = spawn(process.execPath, [join(BUILD, 'test/support/embedded-lock-racer.js'), dir], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let onReady!: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const outcome = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.startsWith('ready\n')) onReady();
      const result = /^ready\n(.+)\n/.exec(out);
      if (result) resolve(result[1]);
    });
    child.on('exit', () => reject(new Error(`contender exited: ${out}`)));
  });
  outcome.catch(() => undefined);
  return { ready, contender: { child, outcome } };
}

/** Starts `n` processes, lets them all ask for the lock at the same moment; returns their outcomes. */
async function race(dir: string, n: number): Promise<{ outcomes: string[]; winners: ChildProcess[] }> {
  const started = Array.from({ length: n }, () => contender(dir));
  await Promise.all(started.map((s) => s.ready));
  for (const { contender: c } of started) c.child.stdin!.write('go\n');
  const outcomes = await Promise.all(started.map((s) => s.contender.outcome));
  return { outcomes, winners: started.filter((_, i) => outcomes[i] === 'won').map((s) => s.contender.child) };
}

function crash(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test('4 processes starting together over the lock of a crashed process: exactly one wins, 20 rounds', async () => {
  const dir = dataDir();
  let { winners } = await race(dir, 1);
  assert.equal(winners.length, 1);
  try {
    for (let round = 1; round <= 20; round++) {
      // The holder dies without releasing (kill -9): its lock is left behind, stale.
      await Promise.all(winners.map(crash));
      const result = await race(dir, 4);
      winners = result.winners;
      assert.deepEqual(result.outcomes.slice().sort(), ['busy', 'busy', 'busy', 'won'], `round ${round}: ${result.outcomes.join(', ')}`);
    }
  } finally {
    await Promise.all(winners.map(crash));
  }
});

const linux = existsSync('/proc/self/stat');

function startTime(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

/** A lock as another process would have left it, held by `pid` started at `started`. */
function plantLock(dir: string, pid: number, started: string): void {
  const lockDir = join(dir, 'embedded.lock');
  mkdirSync(lockDir, { recursive: true });
  const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  writeFileSync(join(lockDir, `${pid}-planted.claim`), JSON.stringify({ pid, started, boot, holder: 'entropy service' }));
  writeFileSync(join(lockDir, `${pid}-planted.held`), '');
}

test(
  'a lock whose pid now belongs to another process is stale; a live holder refuses with its name and pid',
  { skip: !linux && 'needs /proc' },
  async () => {
    // The parent (the test runner) is alive: with its own start time it holds the lock...
    const live = dataDir();
    plantLock(live, process.ppid, startTime(process.ppid));
    await assert.rejects(
      acquireEmbeddedLock(live, 'entropy CLI'),
      (error: unknown) =>
        error instanceof EmbeddedDatabaseBusyError && new RegExp(`in use by entropy service \\(pid ${process.ppid}\\)`).test(error.message),
    );
    // ...with another start time, the pid was reused: the lock is stale and taken over.
    const reused = dataDir();
    plantLock(reused, process.ppid, String(Number(startTime(process.ppid)) - 1));
    const release = await acquireEmbeddedLock(reused, 'entropy CLI');
    assert.ok(!existsSync(join(reused, 'embedded.lock', `${process.ppid}-planted.claim`)), 'the stale claim is gone');
    release();
  },
);
