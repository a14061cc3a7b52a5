declare module 'typeorm-pglite/dist/pglite-pool.js' {
  import { EventEmitter } from 'node:events';
  export class PGlitePool extends EventEmitter {
    connect(callback: (error: unknown, client: unknown, done: (error?: unknown) => void) => void): Promise<void>;
    query(sql: string, params?: unknown[] | ((...args: unknown[]) => void), callback?: (...args: unknown[]) => void): Promise<unknown>;
    end(callback: (error: unknown) => void): void;
  }
}
