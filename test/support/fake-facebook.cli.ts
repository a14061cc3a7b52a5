/**
 * Runs the fake Facebook on its own, for local development without internet:
 *
 *   npx tsc -p tsconfig.json && node dist/test/support/fake-facebook.cli.js
 *   PORT=4011 node dist/test/support/fake-facebook.cli.js
 *
 * Prints the FACEBOOK_* lines to put in the API's environment, then serves until
 * SIGINT/SIGTERM. Opening the login dialog in a browser shows one link per sample
 * user (and Cancel, which comes back with error=access_denied).
 */
import { startFakeFacebook } from './fake-facebook.js';

const port = process.env.PORT ? Number(process.env.PORT) : 4010;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`fake-facebook: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}\n`);
  process.exit(2);
}

const fb = await startFakeFacebook({
  port,
  host: '127.0.0.1',
  chooseUserInDialog: true,
  log: (line) => process.stderr.write(`fake-facebook: ${line}\n`),
});
fb.addUser({ id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' });
fb.addUser({ id: '10000000002', name: 'Grace Hopper', email: 'grace@example.com' });

process.stdout.write(
  `Fake Facebook listening on ${fb.baseUrl} (Graph ${fb.version}). Put these in the API's environment:\n\n` +
    Object.entries(fb.env())
      .map(([k, v]) => `${k}=${v}\n`)
      .join('') +
    `\nUsers: 10000000001 Ada Lovelace <ada@example.com>, 10000000002 Grace Hopper <grace@example.com>\n` +
    `Ctrl-C to stop.\n`,
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`fake-facebook: ${signal}, stopping\n`);
  fb.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
