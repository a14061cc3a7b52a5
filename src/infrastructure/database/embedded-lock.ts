import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Raised when another live process holds the embedded database. */
export class EmbeddedDatabaseBusyError extends Error {}

/** Who holds (or is claiming) the lock: a process instance, not just a pid. */
interface Owner {
  pid: number;
  /** Start time of the process (clock ticks since boot, /proc/<pid>/stat); tells a reused pid apart. */
  started?: string;
  /** The boot the process ran in: after a reboot every earlier owner is gone. */
  boot?: string;
  holder: string;
}

const CLAIM = '.claim';
const HELD = '.held';
const TEMP = '.tmp';
/** Contenders back off for a random while and try again, for at most this long in all. */
const CONTENTION_DEADLINE_MS = 5000;

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const BOOT = readOrUndefined('/proc/sys/kernel/random/boot_id');

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process instance is alive when its pid exists and, where /proc tells (Linux), that pid is
 * still the same process: started at the same time, in the same boot. Elsewhere a reused pid
 * looks alive, and the lock must be removed by hand.
 */
function alive(owner: Owner, me: Owner): boolean {
  if (owner.boot && me.boot && owner.boot !== me.boot) return false;
  // This very process (a lock it never released) or an earlier one whose pid it now has.
  if (owner.pid === me.pid) return false;
  if (!processExists(owner.pid)) return false;
  if (owner.started === undefined) return true;
  const started = startTimeOf(owner.pid);
  return started === undefined || started === owner.started;
}

function parse(text: string | undefined): Owner | undefined {
  try {
    const owner = JSON.parse(text ?? '') as Owner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

interface Rival {
  owner: Owner;
  held: boolean;
}

/**
 * The other contenders and the holder, as the directory shows them now. Files of owners that are
 * gone are removed on the way: their names are their owners' own, so removing one never
 * removes a live process's claim.
 */
function rivals(dir: string, mine: string, me: Owner): Rival[] {
  const found: Rival[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.endsWith(TEMP)) {
      // A claim being written, or left by a process that died while writing it.
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(path, { force: true });
      continue;
    }
    if (!name.endsWith(CLAIM)) continue;
    const base = name.slice(0, -CLAIM.length);
    if (base === mine) continue;
    const text = readOrUndefined(path);
    if (text === undefined) continue; // withdrawn meanwhile
    const owner = parse(text);
    if (owner && alive(owner, me)) {
      found.push({ owner, held: statSync(join(dir, base + HELD), { throwIfNoEntry: false }) !== undefined });
    } else {
      rmSync(join(dir, base + HELD), { force: true });
      rmSync(path, { force: true });
    }
  }
  return found;
}

/**
 * PGlite keeps its files open in one process only; a second process opening the same directory
 * would corrupt it. The service and the CLI lock DATA_DIR so they never share it.
 *
 * Each contender announces itself with a claim file of its own (written whole, then linked into
 * place) and then looks at the others: a live holder → refused; another live contender → both
 * step back for a random while and try again; nobody → it holds the lock. Of two contenders at
 * least one sees the other's claim, so never two win. Nothing is removed on a guess: a crashed
 * owner's files are removed only once its process is known to be gone, and only by their names,
 * which no other process ever uses.
 */
export async function acquireEmbeddedLock(dataDir: string, holder: string): Promise<() => void> {
  const dir = join(dataDir, 'embedded.lock');
  mkdirSync(dir, { recursive: true });
  const me: Owner = { pid: process.pid, started: startTimeOf(process.pid), boot: BOOT, holder };
  const base = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const claim = join(dir, base + CLAIM);
  const held = join(dir, base + HELD);
  const temp = join(dir, base + TEMP);
  const withdraw = () => {
    rmSync(held, { force: true });
    rmSync(claim, { force: true });
  };
  const deadline = Date.now() + CONTENTION_DEADLINE_MS;
  for (;;) {
    writeFileSync(temp, JSON.stringify(me));
    linkSync(temp, claim);
    rmSync(temp, { force: true });
    let others: Rival[];
    try {
      others = rivals(dir, base, me);
    } catch (error) {
      withdraw();
      throw error;
    }
    const holding = others.find((rival) => rival.held);
    if (holding) {
      withdraw();
      throw new EmbeddedDatabaseBusyError(
        `The embedded database in ${dataDir} is in use by ${holding.owner.holder} (pid ${holding.owner.pid}). ` +
          'PGlite allows one process at a time: stop it first, or run both against PostgreSQL with DATABASE_URL.',
      );
    }
    if (others.length === 0) {
      writeFileSync(held, '');
      return withdraw;
    }
    withdraw();
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseBusyError(
        `Could not lock the embedded database in ${dataDir}: other processes are starting on it at the same time`,
      );
    }
    await sleep(5 + Math.random() * 45);
  }
}
