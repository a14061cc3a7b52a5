// One load run, in its own process so the load generator never shares an event loop with a
// server: `node bench/load.mjs '<json options>'` prints one JSON line of results. A body's
// `[<id>]` becomes a fresh value per request (autocannon's own idReplacement miscounts the
// Content-Length here).
//
// Throughput runs are autocannon's closed loop (`connections` requests always in flight). With
// `overallRate` the run is an open loop, evenly paced instead: autocannon's own rate mode sends a
// second's quota as fast as it can and then waits for the next second, so at 1,000 req/s it
// measures bursts of saturation, not a steady rate. Here request n is due at start + n / rate;
// its latency counts from when it was due (a stalled server is not excused by the generator
// waiting for it), over at most `connections` keep-alive connections.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Pool } from 'undici';

const { body, ...options } = JSON.parse(process.argv[2]);
const prefix = randomUUID().slice(0, 8);
let n = 0;
const bodyOf = () => body?.replace('[<id>]', `${prefix} ${n++}`);
const result = options.overallRate ? await paced(options) : await closedLoop(options);
process.stdout.write(`${JSON.stringify(result)}\n`);

async function closedLoop(opts) {
  const requests = body ? [{ setupRequest: (request) => ({ ...request, body: bodyOf() }) }] : undefined;
  const run = await autocannon({ ...opts, ...(requests ? { requests } : {}) });
  return {
    total: run.requests.total,
    duration: run.duration,
    errors: run.errors + run.timeouts + run.non2xx,
    p50: run.latency.p50,
    p99: run.latency.p99,
  };
}

async function paced({ url, method = 'GET', headers = {}, connections, duration, overallRate }) {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const path = target.pathname + target.search;
  const latencies = [];
  let errors = 0;
  const inFlight = new Set();
  const start = performance.now();
  const total = Math.round(overallRate * duration);
  let sent = 0;
  const send = (due) => {
    const request = pool
      .request({ path, method, headers, body: bodyOf() })
      .then(async (res) => {
        await res.body.dump();
        if (res.statusCode >= 300) errors++;
      })
      .catch(() => errors++)
      .finally(() => {
        latencies.push(performance.now() - due);
        inFlight.delete(request);
      });
    inFlight.add(request);
  };
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request due by now, each stamped with its own due time.
      while (sent < total && start + (sent * 1000) / overallRate <= now) send(start + (sent++ * 1000) / overallRate);
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + (sent * 1000) / overallRate - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { total: latencies.length, duration: elapsed, errors, p50: at(0.5), p99: at(0.99) };
}
