// One load run, in its own process so the load generator never shares an event loop with a
// server: `node bench/load.mjs '<json options>'` prints one JSON line of results. A body's
// `[<id>]` becomes a fresh value per request (autocannon's own idReplacement miscounts the
// Content-Length here).
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const { body, ...options } = JSON.parse(process.argv[2]);
const prefix = randomUUID().slice(0, 8);
let n = 0;
const requests = body ? [{ setupRequest: (request) => ({ ...request, body: body.replace('[<id>]', `${prefix} ${n++}`) }) }] : undefined;
const result = await autocannon({ ...options, ...(requests ? { requests } : {}) });
process.stdout.write(
  `${JSON.stringify({
    total: result.requests.total,
    duration: result.duration,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
  })}\n`,
);
