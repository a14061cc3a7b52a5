import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

const INTERVAL_MS = 60_000;
const PRUNE_AT = 10_000;

/**
 * Keeps authorization_tokens.last_used_at current to the minute without a write per request:
 * each process writes at most once a minute per token, and the UPDATE's own condition skips the
 * write when another process already did. The write is fire-and-forget on its own connection
 * (never inside a request's transaction; on PGlite it simply queues for the one connection), and
 * a failure is logged, never surfaced to the request it came with.
 */
@Injectable()
export class TokenUsageRecorder {
  private readonly logger = new Logger(TokenUsageRecorder.name);
  private readonly lastWrite = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  used(tokenId: string, now = Date.now()): void {
    const last = this.lastWrite.get(tokenId);
    if (last !== undefined && now - last < INTERVAL_MS) return;
    if (this.lastWrite.size >= PRUNE_AT) this.prune(now);
    this.lastWrite.set(tokenId, now);
    this.dataSource
      .query(
        `UPDATE authorization_tokens SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [tokenId],
      )
      .catch((error: unknown) => this.logger.warn({ err: error, tokenId }, 'Could not record the use of an authorization token'));
  }

  private prune(now: number): void {
    for (const [id, at] of this.lastWrite) if (now - at >= INTERVAL_MS) this.lastWrite.delete(id);
  }
}
