import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../errors/domain-error.js';

export const DEFAULT_PER = 50;
export const MAX_PER = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PER, default: DEFAULT_PER, description: 'Items per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PER)
  per: number = DEFAULT_PER;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page\'s `Link: rel="next"`' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Cursor of the next page, absent on the last one. */
  next?: string;
}

/** Keyset cursor: the sort key of the last item seen, opaque to clients. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  shape: ('string' | 'number')[],
  valid: (key: (string | number)[]) => boolean = () => true,
): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every((v, i) => typeof v === shape[i] && (typeof v !== 'number' || Number.isSafeInteger(v))) &&
      valid(key)
    ) {
      return key as (string | number)[];
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new ValidationFailedError('cursor is not a cursor this API issued', [{ field: 'cursor', message: 'invalid cursor' }]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PG_TIMESTAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z)?$/;

/** The largest value of a PostgreSQL `integer` (serial ids). */
export const INT4_MAX = 2_147_483_647;

function isPgTimestamp(text: string): boolean {
  if (!PG_TIMESTAMP.test(text)) return false;
  const time = Date.parse(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  return !Number.isNaN(time) && time >= Date.UTC(1970, 0, 1) && time < Date.UTC(10000, 0, 1);
}

/** Cursor of a list ordered by (created_at, uuid id); the timestamp travels as Postgres text. */
export function decodeCreatedAtIdCursor(cursor: string | undefined): [string, string] | undefined {
  return decodeCursor(cursor, ['string', 'string'], ([ts, id]) => isPgTimestamp(String(ts)) && UUID.test(String(id))) as
    [string, string] | undefined;
}

/** Cursor of a list ordered by a serial (integer) id. */
export function decodeIdCursor(cursor: string | undefined): number | undefined {
  return decodeCursor(cursor, ['number'], ([id]) => (id as number) >= 0 && (id as number) <= INT4_MAX)?.[0] as number | undefined;
}

/**
 * Fetches `per + 1` rows to learn whether a next page exists; `keyOf` gives the sort key of a row.
 */
export function toPage<R, T>(rows: R[], per: number, total: number, keyOf: (row: R) => (string | number)[], map: (row: R) => T): Page<T> {
  const more = rows.length > per;
  const visible = more ? rows.slice(0, per) : rows;
  return {
    items: visible.map(map),
    total,
    next: more ? encodeCursor(keyOf(visible[visible.length - 1])) : undefined,
  };
}

/** Puts paging metadata in headers (the body stays a bare array): X-Total-Count and RFC 8288 Link. */
export function sendPage<T>(request: FastifyRequest, reply: FastifyReply, page: Page<T>, per: number): T[] {
  reply.header('X-Total-Count', String(page.total));
  if (page.next) {
    const url = new URL(request.url, 'http://placeholder');
    url.searchParams.set('per', String(per));
    url.searchParams.set('cursor', page.next);
    reply.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return page.items;
}
