import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { startTestApp, TEST_DB, type TestApp } from '../support/test-app.js';

// The limits are the contract's (30 s for a request), so these tests take that long; the two
// slow clients run side by side. They do not depend on the database: run once, on PostgreSQL.
const SKIP = TEST_DB === 'pglite' && 'the HTTP server timeouts do not depend on the database';

let t: TestApp;
let port: number;

before(async () => {
  if (SKIP) return;
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer().address() as AddressInfo).port;
});
after(async () => {
  if (!SKIP) await t.close();
});

interface Outcome {
  /** Seconds from the first byte sent to the connection's end. */
  seconds: number;
  answer: string;
}

/** A client that sends `head` and then one more byte of `trickle` every second, until the server ends it. */
function slowClient(head: string, trickle: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after 45 s; got ${JSON.stringify(answer)}`));
    }, 45_000);
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]);
      }, 1_000);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ seconds: (Date.now() - started) / 1000, answer });
    });
  });
}

test('a trickling body is answered 408 and cut at 30 s; trickling headers at 15 s', { skip: SKIP, timeout: 60_000 }, async () => {
  const body = JSON.stringify({ name: 'x'.repeat(200) });
  const [slowBody, slowHeaders] = await Promise.all([
    slowClient(
      `POST /v1/organizations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    ),
    slowClient('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
  ]);
  assert.match(slowBody.answer, /^HTTP\/1\.1 408 /, slowBody.answer);
  assert.ok(slowBody.seconds >= 29 && slowBody.seconds < 33, `body cut after ${slowBody.seconds} s`);
  assert.match(slowHeaders.answer, /^HTTP\/1\.1 408 /, slowHeaders.answer);
  assert.ok(slowHeaders.seconds >= 14 && slowHeaders.seconds < 18, `headers cut after ${slowHeaders.seconds} s`);
  // The server itself is fine.
  const res = await fetch(`http://127.0.0.1:${port}/health/live`);
  assert.equal(res.status, 200);
});
