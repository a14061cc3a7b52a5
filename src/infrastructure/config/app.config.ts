import { registerAs, type ConfigType } from '@nestjs/config';
import ipaddr from 'ipaddr.js';

/** Thrown when the environment is invalid; its message names the variable. */
export class ConfigurationError extends Error {}

export interface EncryptionKeySpec {
  id: string;
  key: Buffer;
}

export interface AppSettings {
  nodeEnv: string;
  production: boolean;
  port: number;
  publicUrl: string;
  webAppUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Bound on one statement, one lock wait and one wait for a pool connection. */
  databaseTimeoutMs: number;
  /** Undefined outside production when unset: a development key is generated into DATA_DIR. */
  encryptionKeys: EncryptionKeySpec[] | undefined;
  logLevel: string;
  /** Days a pending invitation stays valid (INVITATION_TTL_DAYS). */
  invitationTtlDays: number;
  facebook: {
    appId: string | undefined;
    appSecret: string | undefined;
    graphUrl: string;
    dialogUrl: string;
    linkRedirectUri: string;
    loginScopes: string[];
    credentialScopes: string[];
  };
  /** Redis for rate-limit counters shared by the replicas (REDIS_URL); undefined: each process counts alone. */
  redisUrl: string | undefined;
  /**
   * Whose X-Forwarded-For is believed (TRUSTED_PROXIES): addresses, CIDR ranges, or proxy-addr's
   * names `loopback`, `linklocal`, `uniquelocal`. Set it to the load balancer's address.
   */
  trustedProxies: string[];
  rateLimits: {
    /** Requests per minute per caller (token or session). */
    perCallerPerMinute: number;
    /** Requests per minute per client address on the sign-in and Facebook callback routes. */
    perAddressPerMinute: number;
  };
  /** RabbitMQ; undefined → no broker (the feed is then the only destination of events), the relay stays off. */
  amqpUrl: string | undefined;
  /** The topic exchange events are published to. */
  amqpExchange: string;
  /** Publish attempts of one event before the relay parks it as dead. */
  relayMaxAttempts: number;
  /** Days delivered events stay in the event log (and the feed) before housekeeping deletes them. */
  eventRetentionDays: number;
  webhooks: {
    /** One delivery attempt's time limit (WEBHOOK_TIMEOUT_MS). */
    timeoutMs: number;
    /** Waits before each retry, in ms (WEBHOOK_RETRY_SCHEDULE); after the last one a delivery is `failed`. */
    retryScheduleMs: number[];
    /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=true: loopback and private addresses are reachable (local testing only). */
    allowPrivateNetworks: boolean;
  };
}

type Env = Record<string, string | undefined>;

function fail(name: string, why: string): never {
  throw new ConfigurationError(`${name} ${why}`);
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail(name, `must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(name, `must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function origin(env: Env, name: string, fallback: string): string {
  return new URL(httpUrl(env, name, fallback)).origin;
}

function list(env: Env, name: string, fallback: string): string[] {
  const items = (env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) fail(name, 'must list at least one value');
  return items;
}

/** An integer variable within [min, max]; unset or empty takes the fallback. */
function integer(env: Env, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) fail(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  return value;
}

function encryptionKeys(env: Env, production: boolean): EncryptionKeySpec[] | undefined {
  const raw = env.ENCRYPTION_KEYS?.trim();
  if (!raw) {
    if (production) fail('ENCRYPTION_KEYS', 'is required when NODE_ENV=production');
    return undefined;
  }
  const seen = new Set<string>();
  return raw.split(',').map((entry) => {
    const match = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=]+)$/.exec(entry.trim());
    if (!match) fail('ENCRYPTION_KEYS', 'must be a comma list of keyid:base64(32 bytes)');
    const [, id, b64] = match;
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) fail('ENCRYPTION_KEYS', `key "${id}" must decode to exactly 32 bytes`);
    if (seen.has(id)) fail('ENCRYPTION_KEYS', `key id "${id}" appears twice`);
    seen.add(id);
    return { id, key };
  });
}

/** The URL without its password, for logs and error messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function parseAmqpUrl(env: Env): string | undefined {
  const raw = env.AMQP_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail('AMQP_URL', 'must be an amqp:// or amqps:// URL');
  }
  if ((url.protocol !== 'amqp:' && url.protocol !== 'amqps:') || !url.hostname) {
    fail('AMQP_URL', `must be an amqp:// or amqps:// URL, got "${redactUrl(raw)}"`);
  }
  return raw;
}

/** The value is never repeated in the error: it may hold a password. */
function redisUrl(env: Env): string | undefined {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    fail('REDIS_URL', 'must be a redis:// or rediss:// URL with a host');
  }
  return raw;
}

function exchangeName(env: Env): string {
  const name = env.AMQP_EXCHANGE?.trim() || 'entropy.events';
  // AMQP 0-9-1 exchange names: up to 255 bytes of letters, digits, '-', '_', '.', ':'; 'amq.' is reserved.
  if (!/^[A-Za-z0-9_.:-]{1,255}$/.test(name) || name.startsWith('amq.')) {
    fail('AMQP_EXCHANGE', `must be 1-255 characters of letters, digits, '-', '_', '.', ':' and not start with "amq.", got "${name}"`);
  }
  return name;
}

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustedProxies(env: Env): string[] {
  const entries = list(env, 'TRUSTED_PROXIES', PROXY_RANGE_NAMES.join(','));
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.includes(entry) || ipaddr.isValid(entry)) continue;
    try {
      ipaddr.parseCIDR(entry);
    } catch {
      fail('TRUSTED_PROXIES', `must list addresses, CIDR ranges or ${PROXY_RANGE_NAMES.join('/')}, got "${entry}"`);
    }
  }
  return entries;
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A comma list of durations such as `5s,5m,30m,2h` (units ms, s, m, h), in milliseconds. */
function durations(env: Env, name: string, fallback: string): number[] {
  const raw = env[name]?.trim() || fallback;
  return raw.split(',').map((item) => {
    const match = /^(\d{1,9})(ms|s|m|h)$/.exec(item.trim());
    if (!match) fail(name, `must be a comma list of durations such as 5s,5m,2h (units ms, s, m, h), got "${raw}"`);
    return Number(match[1]) * DURATION_UNITS_MS[match[2]];
  });
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw !== 'true' && raw !== 'false') fail(name, `must be true or false, got "${raw}"`);
  return raw === 'true';
}

/** Parses and validates the environment; throws ConfigurationError naming the first bad variable. */
export function parseSettings(env: Env): AppSettings {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const production = nodeEnv === 'production';

  const port = integer(env, 'PORT', 3000, 0, 65535);

  const publicUrl = httpUrl(env, 'PUBLIC_URL', `http://localhost:${port}`);
  const webAppUrl = origin(env, 'WEB_APP_URL', 'http://localhost:5173');

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    fail('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }

  const logLevel = env.LOG_LEVEL?.trim() || (nodeEnv === 'test' ? 'warn' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    fail('LOG_LEVEL', `must be one of fatal|error|warn|info|debug|trace|silent, got "${logLevel}"`);
  }

  const amqpUrl = parseAmqpUrl(env);

  const retentionRaw = env.EVENT_RETENTION_DAYS?.trim() || '90';
  const eventRetentionDays = Number(retentionRaw);
  if (!/^\d+$/.test(retentionRaw) || eventRetentionDays < 1 || eventRetentionDays > 36500) {
    fail('EVENT_RETENTION_DAYS', `must be a whole number of days between 1 and 36500, got "${retentionRaw}"`);
  }

  const appId = env.FACEBOOK_APP_ID?.trim() || undefined;
  const appSecret = env.FACEBOOK_APP_SECRET?.trim() || undefined;
  if (Boolean(appId) !== Boolean(appSecret)) {
    fail(appId ? 'FACEBOOK_APP_SECRET' : 'FACEBOOK_APP_ID', 'must be set together with its pair');
  }

  return {
    nodeEnv,
    production,
    port,
    publicUrl,
    webAppUrl,
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || './data',
    databaseTimeoutMs: integer(env, 'DATABASE_TIMEOUT_MS', 5000, 1, 3_600_000),
    encryptionKeys: encryptionKeys(env, production),
    logLevel,
    invitationTtlDays: integer(env, 'INVITATION_TTL_DAYS', 14, 1, 365),
    facebook: {
      appId,
      appSecret,
      graphUrl: httpUrl(env, 'FACEBOOK_GRAPH_URL', 'https://graph.facebook.com/v25.0'),
      dialogUrl: httpUrl(env, 'FACEBOOK_DIALOG_URL', 'https://www.facebook.com/v25.0/dialog/oauth'),
      linkRedirectUri: httpUrl(env, 'FACEBOOK_LINK_REDIRECT_URI', `${webAppUrl}/facebook/callback`),
      loginScopes: list(env, 'FACEBOOK_LOGIN_SCOPES', 'email,public_profile'),
      credentialScopes: list(env, 'FACEBOOK_CREDENTIAL_SCOPES', 'public_profile,pages_show_list'),
    },
    redisUrl: redisUrl(env),
    trustedProxies: trustedProxies(env),
    rateLimits: {
      perCallerPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200),
      perAddressPerMinute: integer(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 30),
    },
    amqpUrl,
    amqpExchange: exchangeName(env),
    relayMaxAttempts: integer(env, 'RELAY_MAX_ATTEMPTS', 20, 1, 1000),
    eventRetentionDays,
    webhooks: {
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 300_000),
      retryScheduleMs: durations(env, 'WEBHOOK_RETRY_SCHEDULE', '5s,5m,30m,2h,5h,10h,10h'),
      allowPrivateNetworks: boolean(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', false),
    },
  };
}

export const appConfig = registerAs('app', (): AppSettings => parseSettings(process.env));
export type AppConfig = ConfigType<typeof appConfig>;
