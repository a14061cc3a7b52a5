import type { Agent } from 'undici';
import { fetch } from 'undici';

/** At most this much of an answer is read; the rest is dropped. */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** The start of an answer (or of an error) kept in the delivery log. */
export const EXCERPT_BYTES = 1024;
/** A `Retry-After` longer than this is cut to it. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000;

export type AttemptOutcome =
  | { kind: 'succeeded' }
  | { kind: 'gone' }
  /** 429/503 with a Retry-After: the next attempt waits that long (capped). */
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'failed' };

export interface Attempt {
  outcome: AttemptOutcome;
  statusCode: number | null;
  /** Why it failed, or the start of the answer; at most EXCERPT_BYTES. */
  excerpt: string | null;
  durationMs: number;
}

export function excerptOf(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length <= EXCERPT_BYTES ? text : bytes.subarray(0, EXCERPT_BYTES).toString('utf8');
}

/** Seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), RETRY_AFTER_CAP_MS);
}

/** The message of a failed fetch: undici wraps the real reason (refused, SSRF guard, DNS) in `cause`. */
function reasonOf(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: Error & { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = err?.cause;
  if (cause?.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  return err?.message ?? String(error);
}

/**
 * One POST of a webhook through the SSRF-guarded agent: never follows a redirect, bounded by
 * `timeoutMs` from connect to the last byte read, reads at most 64 kB of the answer.
 */
export async function sendWebhook(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Attempt> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', dispatcher: agent, signal });
    const answer = await readBounded(response.body);
    const status = response.status;
    const durationMs = elapsed();
    const text = answer ? excerptOf(answer) : null;
    if (status >= 200 && status < 300) return { outcome: { kind: 'succeeded' }, statusCode: status, excerpt: text, durationMs };
    if (status === 410)
      return { outcome: { kind: 'gone' }, statusCode: status, excerpt: excerptOf(`410 Gone${text ? `: ${text}` : ''}`), durationMs };
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      return {
        outcome: { kind: 'failed' },
        statusCode: status,
        excerpt: excerptOf(`redirect not followed${location ? ` (to ${location})` : ''}`),
        durationMs,
      };
    }
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    return {
      outcome: retryAfterMs === undefined ? { kind: 'failed' } : { kind: 'throttled', retryAfterMs },
      statusCode: status,
      excerpt: excerptOf(`HTTP ${status}${text ? `: ${text}` : ''}`),
      durationMs,
    };
  } catch (error) {
    return { outcome: { kind: 'failed' }, statusCode: null, excerpt: excerptOf(reasonOf(error, timeoutMs)), durationMs: elapsed() };
  }
}

async function readBounded(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}
