import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { postgresPoolOf, queryPool } from './postgres-pool.js';

/**
 * Statement texts given a name; past this many (a text built from values would be a leak) the
 * rest run unnamed. The service's read texts number a few hundred at most (a list's LIMIT is in
 * its text: per = 1..100).
 */
const MAX_NAMED = 1_000;

/**
 * The hot read paths' way to the database: on PostgreSQL, named (prepared) statements straight on
 * the pool TypeORM made; on the embedded database, `DataSource.query` as everywhere else.
 *
 * A named statement is parsed once per connection, then only bound, planned with its values
 * (the pool sets plan_cache_mode = force_custom_plan: a generic plan kept for all values was
 * worse for skewed lists) and executed. TypeORM sends every statement unnamed and wraps each call
 * in a QueryRunner, so the reads a dashboard makes all day come here instead. Same pool, so the
 * same size, session settings and DATABASE_TIMEOUT_MS bounds, and a refused statement is a
 * QueryFailedError as from TypeORM (postgres-errors.ts maps either to 503). Writes stay in
 * TypeORM transactions (UnitOfWork).
 *
 * PGlite keeps its serialized path: its pool is not pg's, and one session is shared by all.
 */
@Injectable()
export class PreparedReads implements OnModuleInit {
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** Fails the start-up, not every read, when the pool is not pg's (postgresPoolOf). */
  onModuleInit(): void {
    postgresPoolOf(this.dataSource);
  }

  /** The rows of a read, typed by the caller as with TypeORM's `query`. */
  async query<T = any>(text: string, params: unknown[] = []): Promise<T> {
    const pool = postgresPoolOf(this.dataSource);
    if (!pool) return (await this.dataSource.query(text, params)) as T;
    const name = this.nameOf(text);
    try {
      const result = await queryPool(pool, name ? { name, text, values: params } : { text, values: params });
      return result.rows as T;
    } catch (error) {
      // A statement the server refused is a QueryFailedError, as from TypeORM: the same 4xx/503
      // mapping and the same log line. A pool or socket failure stays pg's own (503).
      if (error instanceof pg.DatabaseError) throw new QueryFailedError(text, params, error);
      throw error;
    }
  }

  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < MAX_NAMED) {
      name = `r_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
