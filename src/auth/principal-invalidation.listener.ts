import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { getPGliteInstance } from 'typeorm-pglite';
import { appConfig, type AppConfig } from '../infrastructure/config/app.config.js';
import { isEmbedded } from '../infrastructure/database/migration-runner.js';
import { PrincipalCache, PRINCIPALS_CHANNEL } from './principal.cache.js';

/** How often the listening connection is checked: a silently dead socket would deliver nothing. */
const PING_MS = 10_000;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Keeps the principal cache honest: LISTEN on a dedicated connection (not one of the pool's), and
 * every notification from the invalidation triggers evicts. The cache answers only while this
 * connection is subscribed; when it is lost the cache is emptied and bypassed, and the connection
 * is retried with backoff (notifications sent meanwhile are lost, so nothing cached before counts).
 *
 * On the embedded PGlite (one process, one session) the triggers notify the same session: the
 * listener subscribes there, and a revocation's notification is handled before its COMMIT returns.
 */
@Injectable()
export class PrincipalInvalidationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PrincipalCache');
  private client: pg.Client | undefined;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: PrincipalCache,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (isEmbedded(this.dataSource)) return this.listenEmbedded();
    this.listenOnPool();
    await this.connect();
  }

  onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.cache.disable();
    const client = this.client;
    this.client = undefined;
    return client ? client.end().catch(() => undefined) : Promise.resolve();
  }

  /** Whether the cache is in use (the listener is subscribed). */
  get listening(): boolean {
    return this.cache.active;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.settings.databaseUrl,
      application_name: 'entropy-api-principals',
      connectionTimeoutMillis: this.settings.databaseTimeoutMs,
      query_timeout: this.settings.databaseTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: PING_MS,
    });
    this.client = client;
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel === PRINCIPALS_CHANNEL) this.cache.invalidate(message.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PRINCIPALS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    if (this.failures > 0) this.logger.log('Principal cache back on: the invalidation listener is subscribed again');
    this.failures = 0;
    this.cache.enable();
    this.pingTimer = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.lost(client, error));
    }, PING_MS);
    this.pingTimer.unref();
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.pingTimer);
    this.cache.disable();
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures++) * (0.5 + Math.random() / 2);
    this.logger.warn(
      { err: error, retryInMs: Math.round(delay) },
      'Principal cache off: the invalidation listener lost its connection; every request reads the database until it is back',
    );
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  /**
   * Every connection of this process's pool listens too, so a change committed through this
   * process is evicted here before its COMMIT returns (PostgreSQL ≥ 14 delivers a session's own
   * notifications before it reports the transaction done): the replica that revoked a token never
   * answers from its cache with it again, not even in the time the notification takes to travel.
   * Notifications from elsewhere arrive on these too; evicting twice is harmless.
   */
  private listenOnPool(): void {
    const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool & { _clients?: pg.PoolClient[] };
    const subscribe = (client: pg.PoolClient) => {
      client.on('notification', (message) => {
        if (message.channel === PRINCIPALS_CHANNEL && !this.stopped) this.cache.invalidate(message.payload ?? '*');
      });
      client
        .query(`LISTEN ${PRINCIPALS_CHANNEL}`)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'A pool connection could not LISTEN'));
    };
    pool.on('connect', subscribe);
    // The connections opened before this (the start-up checks, the migrations) are idle now.
    for (const client of pool._clients ?? []) subscribe(client);
  }

  private async listenEmbedded(): Promise<void> {
    const instance = await getPGliteInstance();
    // Through the pool, so the LISTEN cannot land inside another caller's transaction.
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      await instance.listen(PRINCIPALS_CHANNEL, (payload) => {
        if (!this.stopped) this.cache.invalidate(payload);
      });
    } finally {
      await session.release();
    }
    this.cache.enable();
  }
}
