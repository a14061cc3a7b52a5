import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGuardedAgent, judgeAddress, type Lookup } from '../../src/infrastructure/http/ssrf-guard.js';
import { sendWebhook } from '../../src/webhooks/delivery/webhook-sender.js';
import { assertWebhookUrl } from '../../src/webhooks/webhook-url.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

let target: WebhookReceiver;
let target6: WebhookReceiver | undefined;
let redirector: WebhookReceiver;

before(async () => {
  target = await startWebhookReceiver('127.0.0.1');
  target6 = await startWebhookReceiver('::1').catch(() => undefined);
  redirector = await startWebhookReceiver('127.0.0.1');
});

after(async () => {
  await target.close();
  await target6?.close();
  await redirector.close();
});

const port = () => new URL(target.url()).port;
/** A resolver that answers what the test says, as a rebinding DNS server would. */
const fakeDns =
  (addresses: string[]): Lookup =>
  (_host, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

test('public unicast only; IPv4-mapped, NAT64 and 6to4 forms are judged by their IPv4', () => {
  for (const address of [
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::a00:1',
    '2002:7f00:1::1',
    '2002:a9fe:a9fe::1',
    'not-an-ip',
  ]) {
    assert.equal(judgeAddress(address).allowed, false, address);
  }
  for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1']) {
    assert.equal(judgeAddress(address).allowed, true, address);
  }
});

test('at creation: IP literals in a private range are refused (every spelling), names pass; https only in production', () => {
  const rules = { production: false, allowPrivateNetworks: false };
  for (const url of [
    'http://127.0.0.1/x',
    'http://[::1]/x',
    'http://2130706433/x',
    'http://0x7f.0.0.1/x',
    'http://[::ffff:127.0.0.1]/x',
    'https://10.1.2.3/x',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[fc00::1]/',
    'http://0.0.0.0/',
  ]) {
    assert.throws(() => assertWebhookUrl(url, rules), /must not point at/, url);
  }
  assert.equal(assertWebhookUrl('http://localhost:9999/x', rules), 'http://localhost:9999/x');
  assert.equal(assertWebhookUrl('https://8.8.8.8/x', rules), 'https://8.8.8.8/x');
  assert.throws(() => assertWebhookUrl('http://example.com/x', { production: true, allowPrivateNetworks: false }), /https/);
  assert.throws(() => assertWebhookUrl('https://user:pw@example.com/x', rules), /user name/);
  assert.throws(() => assertWebhookUrl('ftp://example.com/x', rules), /http/);
  assert.equal(assertWebhookUrl('http://127.0.0.1/x', { production: false, allowPrivateNetworks: true }), 'http://127.0.0.1/x');
});

test('at connect time the guard refuses every loopback spelling, a name resolving to one, and a mixed answer: zero requests arrive', async () => {
  const cases: [string, Lookup | undefined][] = [
    [`http://127.0.0.1:${port()}/a`, undefined],
    [`http://localhost:${port()}/b`, undefined],
    [`http://2130706433:${port()}/c`, undefined],
    [`http://0x7f.0.0.1:${port()}/d`, undefined],
    [`http://[::ffff:127.0.0.1]:${port()}/e`, undefined],
    [`http://rebinding.example:${port()}/f`, fakeDns(['127.0.0.1'])],
    [`http://mixed.example:${port()}/g`, fakeDns(['93.184.216.34', '127.0.0.1'])],
    [`http://metadata.example:${port()}/h`, fakeDns(['169.254.169.254'])],
  ];
  if (target6) cases.push([`http://[::1]:${new URL(target6.url()).port}/i`, undefined]);
  for (const [url, lookup] of cases) {
    const agent = createGuardedAgent({ allowPrivateNetworks: false, lookup });
    const attempt = await sendWebhook(agent, url, { 'content-type': 'application/json' }, '{}', 2000);
    await agent.close();
    assert.equal(attempt.outcome.kind, 'failed', url);
    assert.equal(attempt.statusCode, null, url);
    assert.match(attempt.excerpt ?? '', /refused .*(loopback|linkLocal|ipv4Mapped)/, `${url}: ${attempt.excerpt}`);
  }
  assert.equal(target.received.length, 0);
  assert.equal(target6?.received.length ?? 0, 0);
});

test('a redirect is never followed (even where private networks are allowed): a failed attempt, nothing reaches its target', async () => {
  redirector.fallback('/go', { status: 302, headers: { location: target.url('/internal') } });
  const agent = createGuardedAgent({ allowPrivateNetworks: true });
  const attempt = await sendWebhook(agent, redirector.url('/go'), { 'content-type': 'application/json' }, '{}', 2000);
  await agent.close();
  assert.equal(attempt.outcome.kind, 'failed');
  assert.equal(attempt.statusCode, 302);
  assert.match(attempt.excerpt ?? '', /redirect not followed/);
  assert.equal(redirector.on('/go').length, 1);
  assert.equal(target.received.length, 0);
});

test('with WEBHOOK_ALLOW_PRIVATE_NETWORKS the same agent reaches loopback (how the tests and local development run)', async () => {
  const agent = createGuardedAgent({ allowPrivateNetworks: true, lookup: fakeDns(['127.0.0.1']) });
  const attempt = await sendWebhook(agent, `http://receiver.example:${port()}/ok`, {}, '{}', 2000);
  await agent.close();
  assert.equal(attempt.outcome.kind, 'succeeded');
  assert.equal(target.on('/ok').length, 1);
  target.received.length = 0;
});

test('at most 64 kB of an answer is read and 1 kB kept; Retry-After on 429/503 is honoured and capped', async () => {
  target.fallback('/big', { status: 500, body: 'y'.repeat(10 * 1024 * 1024) });
  target.fallback('/slow-down', { status: 429, headers: { 'retry-after': '999999' } });
  const agent = createGuardedAgent({ allowPrivateNetworks: true });
  const big = await sendWebhook(agent, target.url('/big'), {}, '{}', 5000);
  assert.equal(big.statusCode, 500);
  assert.equal(Buffer.byteLength(big.excerpt!), 1024);
  const throttled = await sendWebhook(agent, target.url('/slow-down'), {}, '{}', 5000);
  assert.deepEqual(throttled.outcome, { kind: 'throttled', retryAfterMs: 3_600_000 });
  await agent.close();
  target.received.length = 0;
});
