import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigurationError, parseSettings } from '../../src/infrastructure/config/app.config.js';

test('defaults follow the contract', () => {
  const s = parseSettings({});
  assert.equal(s.port, 3000);
  assert.equal(s.publicUrl, 'http://localhost:3000');
  assert.equal(s.webAppUrl, 'http://localhost:5173');
  assert.equal(s.databaseUrl, undefined);
  assert.equal(s.dataDir, './data');
  assert.equal(s.databaseTimeoutMs, 5000);
  assert.equal(s.facebook.graphUrl, 'https://graph.facebook.com/v25.0');
  assert.equal(s.facebook.dialogUrl, 'https://www.facebook.com/v25.0/dialog/oauth');
  assert.equal(s.facebook.linkRedirectUri, 'http://localhost:5173/facebook/callback');
  assert.deepEqual(s.facebook.loginScopes, ['email', 'public_profile']);
  assert.deepEqual(s.facebook.credentialScopes, ['public_profile', 'pages_show_list']);
  assert.equal(s.facebook.appId, undefined);
  assert.equal(s.invitationTtlDays, 14);
  assert.equal(parseSettings({ INVITATION_TTL_DAYS: '3' }).invitationTtlDays, 3);
  assert.equal(s.amqpUrl, undefined);
  assert.equal(s.eventRetentionDays, 90);
  assert.equal(parseSettings({ EVENT_RETENTION_DAYS: '7' }).eventRetentionDays, 7);
  assert.equal(parseSettings({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
});

test('each invalid variable is named in the error', () => {
  const key = Buffer.alloc(32, 1).toString('base64');
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ WEB_APP_URL: 'ftp://x' }, 'WEB_APP_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'ENCRYPTION_KEYS'],
    [{ ENCRYPTION_KEYS: 'k1:short' }, 'ENCRYPTION_KEYS'],
    [{ ENCRYPTION_KEYS: `k1:${key},k1:${key}` }, 'ENCRYPTION_KEYS'],
    [{ FACEBOOK_APP_ID: '123' }, 'FACEBOOK_APP_SECRET'],
    [{ FACEBOOK_GRAPH_URL: 'graph' }, 'FACEBOOK_GRAPH_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ INVITATION_TTL_DAYS: '0' }, 'INVITATION_TTL_DAYS'],
    [{ INVITATION_TTL_DAYS: '2.5' }, 'INVITATION_TTL_DAYS'],
    [{ INVITATION_TTL_DAYS: '1000' }, 'INVITATION_TTL_DAYS'],
    [{ DATABASE_TIMEOUT_MS: '0' }, 'DATABASE_TIMEOUT_MS'],
    [{ DATABASE_TIMEOUT_MS: '5s' }, 'DATABASE_TIMEOUT_MS'],
    [{ AMQP_URL: 'http://rabbit' }, 'AMQP_URL'],
    [{ EVENT_RETENTION_DAYS: '0' }, 'EVENT_RETENTION_DAYS'],
    [{ EVENT_RETENTION_DAYS: '1.5' }, 'EVENT_RETENTION_DAYS'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => parseSettings(env),
      (error: unknown) => error instanceof ConfigurationError && error.message.startsWith(name),
      name,
    );
  }
});

test('ENCRYPTION_KEYS parses several keys, first one first', () => {
  const a = Buffer.alloc(32, 1).toString('base64');
  const b = Buffer.alloc(32, 2).toString('base64');
  const keys = parseSettings({ ENCRYPTION_KEYS: `new:${a}, old:${b}` }).encryptionKeys;
  assert.deepEqual(
    keys?.map((k) => k.id),
    ['new', 'old'],
  );
  assert.equal(keys?.[0].key.length, 32);
});

test('rate limits: 1200 per caller and 30 per address a minute by default; positive integers only', () => {
  assert.deepEqual(parseSettings({}).rateLimits, { perCallerPerMinute: 1200, perAddressPerMinute: 30 });
  assert.deepEqual(parseSettings({ RATE_LIMIT_PER_MINUTE: '5', AUTH_RATE_LIMIT_PER_MINUTE: '2' }).rateLimits, {
    perCallerPerMinute: 5,
    perAddressPerMinute: 2,
  });
  for (const name of ['RATE_LIMIT_PER_MINUTE', 'AUTH_RATE_LIMIT_PER_MINUTE']) {
    for (const value of ['0', '-1', '1.5', 'many', '1e3', '99999999999999999999']) {
      assert.throws(
        () => parseSettings({ [name]: value }),
        (error: unknown) => error instanceof ConfigurationError && error.message.startsWith(name),
        `${name}=${value}`,
      );
    }
  }
});

test('RabbitMQ: off by default, amqp(s) URL validated without echoing its password', () => {
  const s = parseSettings({});
  assert.deepEqual([s.amqpUrl, s.amqpExchange, s.relayMaxAttempts], [undefined, 'entropy.events', 20]);
  const on = parseSettings({ AMQP_URL: 'amqps://u:p@mq.example:5671/v', AMQP_EXCHANGE: 'acme.events', RELAY_MAX_ATTEMPTS: '5' });
  assert.deepEqual([on.amqpUrl, on.amqpExchange, on.relayMaxAttempts], ['amqps://u:p@mq.example:5671/v', 'acme.events', 5]);
  const cases: [Record<string, string>, string][] = [
    [{ AMQP_URL: 'http://u:hunter2@mq:5672' }, 'AMQP_URL'],
    [{ AMQP_URL: 'rabbit' }, 'AMQP_URL'],
    [{ AMQP_EXCHANGE: 'amq.topic' }, 'AMQP_EXCHANGE'],
    [{ AMQP_EXCHANGE: 'has space' }, 'AMQP_EXCHANGE'],
    [{ RELAY_MAX_ATTEMPTS: '0' }, 'RELAY_MAX_ATTEMPTS'],
    [{ RELAY_MAX_ATTEMPTS: 'many' }, 'RELAY_MAX_ATTEMPTS'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => parseSettings(env),
      (error: unknown) => error instanceof ConfigurationError && error.message.startsWith(name) && !error.message.includes('hunter2'),
      name,
    );
  }
});
test('REDIS_URL: redis:// or rediss://, and a bad one is refused without repeating it (it may hold a password)', () => {
  assert.equal(parseSettings({}).redisUrl, undefined);
  assert.equal(parseSettings({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).redisUrl, 'rediss://:pw@cache.internal:6380/2');
  for (const bad of ['http://:hunter2@cache:6379', 'hunter2', 'redis://']) {
    assert.throws(
      () => parseSettings({ REDIS_URL: bad }),
      (error: Error) => error instanceof ConfigurationError && error.message.startsWith('REDIS_URL') && !error.message.includes('hunter2'),
    );
  }
});

test('TRUSTED_PROXIES: loopback and private networks by default; addresses and CIDR ranges otherwise', () => {
  assert.deepEqual(parseSettings({}).trustedProxies, ['loopback', 'linklocal', 'uniquelocal']);
  assert.deepEqual(parseSettings({ TRUSTED_PROXIES: '172.28.0.10, 10.0.0.0/8,::1' }).trustedProxies, ['172.28.0.10', '10.0.0.0/8', '::1']);
  assert.throws(() => parseSettings({ TRUSTED_PROXIES: 'proxy.internal' }), /^Error: TRUSTED_PROXIES/);
});
test('webhooks: 10 s timeout, the Svix schedule, private networks refused by default; bad values named', () => {
  assert.deepEqual(parseSettings({}).webhooks, {
    timeoutMs: 10_000,
    retryScheduleMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
    allowPrivateNetworks: false,
  });
  const custom = parseSettings({
    WEBHOOK_TIMEOUT_MS: '2500',
    WEBHOOK_RETRY_SCHEDULE: '100ms, 2s,1m,1h',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'TRUE',
  }).webhooks;
  assert.deepEqual(custom, { timeoutMs: 2500, retryScheduleMs: [100, 2000, 60_000, 3_600_000], allowPrivateNetworks: true });
  for (const [name, value] of [
    ['WEBHOOK_TIMEOUT_MS', '0'],
    ['WEBHOOK_TIMEOUT_MS', '10s'],
    ['WEBHOOK_RETRY_SCHEDULE', '5s,,5m'],
    ['WEBHOOK_RETRY_SCHEDULE', '5d'],
    ['WEBHOOK_RETRY_SCHEDULE', '5'],
    ['WEBHOOK_ALLOW_PRIVATE_NETWORKS', 'yes'],
  ]) {
    assert.throws(
      () => parseSettings({ [name]: value }),
      (error: unknown) => error instanceof ConfigurationError && error.message.startsWith(name),
      `${name}=${value}`,
    );
  }
});
