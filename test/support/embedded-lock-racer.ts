import { createInterface } from 'node:readline';
import { acquireEmbeddedLock, EmbeddedDatabaseBusyError } from '../../src/infrastructure/database/embedded-lock.js';

// One contender for the embedded database lock: prints "ready", takes the lock on the first line
// of stdin, prints "won" (and holds it until killed) or "busy".
const [dataDir] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin });
lines.once('line', () => {
  acquireEmbeddedLock(dataDir, 'racer').then(
    () => {
      process.stdout.write('won\n');
      setInterval(() => undefined, 60_000);
    },
    (error: unknown) => {
      process.stdout.write(error instanceof EmbeddedDatabaseBusyError ? 'busy\n' : `error ${String(error)}\n`);
      process.exit(0);
    },
  );
});
process.stdout.write('ready\n');
