import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool.js';
import { DatabaseUnavailableError } from './database.errors.js';

type Done = (error?: unknown) => void;
type ConnectCallback = (error: unknown, client: unknown, done: Done) => void;

/**
 * PGlite is a single Postgres session: two TypeORM transactions on it would interleave and see
 * each other's uncommitted rows. This pool behaves like a real pool with exactly one connection:
 * `connect` hands the session to one query runner at a time and queues the rest until `done`,
 * so every transaction (and every read) runs alone, as it would on its own connection.
 *
 * Like pg's pool, a wait longer than `connectionTimeoutMillis` (DATABASE_TIMEOUT_MS) gives up
 * with an error (503). The waiter keeps its place in the queue and passes the session straight
 * on when its turn comes, so the order, and one-at-a-time, are kept.
 */
export class SerializedPGlitePool extends PGlitePool {
  private tail: Promise<void> = Promise.resolve();
  private readonly timeoutMs: number;

  constructor(options: { connectionTimeoutMillis?: number } = {}) {
    super();
    this.timeoutMs = options.connectionTimeoutMillis ?? 0;
  }

  override connect(callback: ConnectCallback): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail;
    this.tail = this.tail.then(() => held);

    let timedOut = false;
    const timer =
      this.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            callback(new DatabaseUnavailableError('Timed out waiting for the embedded database'), undefined, () => undefined);
          }, this.timeoutMs)
        : undefined;

    return turn.then(() => {
      clearTimeout(timer);
      if (timedOut) {
        release();
        return;
      }
      let released = false;
      const done: Done = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      return super.connect((error: unknown, client: unknown) => {
        if (error) done();
        callback(error, client, done);
      });
    });
  }
}
