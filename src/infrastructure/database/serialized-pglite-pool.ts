import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool.js';

type Done = (error?: unknown) => void;
type ConnectCallback = (error: unknown, client: unknown, done: Done) => void;

/**
 * PGlite is a single Postgres session: two TypeORM transactions on it would interleave and see
 * each other's uncommitted rows. This pool behaves like a real pool with exactly one connection:
 * `connect` hands the session to one query runner at a time and queues the rest until `done`,
 * so every transaction (and every read) runs alone, as it would on its own connection.
 */
export class SerializedPGlitePool extends PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  override connect(callback: ConnectCallback): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail;
    this.tail = this.tail.then(() => held);
    return turn.then(() => {
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
