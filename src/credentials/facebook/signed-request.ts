import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignedRequestError } from '../credentials.errors.js';

export interface SignedRequestPayload {
  algorithm: string;
  user_id: string;
  /** Seconds since the epoch. */
  issued_at: number;
  [field: string]: unknown;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const USER_ID = /^[0-9]{1,64}$/;
/** A signed_request older than this is refused: a captured one cannot be replayed later. */
export const SIGNED_REQUEST_MAX_AGE_SECONDS = 24 * 3600;
/** Clock skew tolerated for an issued_at ahead of ours. */
export const SIGNED_REQUEST_MAX_SKEW_SECONDS = 5 * 60;

/**
 * Facebook's `signed_request`: `base64url(signature).base64url(JSON payload)`, the signature being
 * HMAC-SHA256 of the encoded payload with the app secret. Checked in constant time before the
 * payload is trusted; it must also be fresh (`issued_at` within the last 24 hours, at most 5 minutes
 * ahead) and name the user as a decimal id. Throws InvalidSignedRequestError saying what is wrong
 * (never echoing it).
 */
export function parseSignedRequest(signedRequest: string, appSecret: string, nowMs = Date.now()): SignedRequestPayload {
  const parts = signedRequest.split('.');
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    throw new InvalidSignedRequestError('expected two base64url parts separated by a dot');
  }
  const [encodedSignature, encodedPayload] = parts;
  const signature = Buffer.from(encodedSignature, 'base64url');
  const expected = createHmac('sha256', appSecret).update(encodedPayload).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw new InvalidSignedRequestError('the signature does not match');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidSignedRequestError('the payload is not JSON');
  }
  if (!payload || typeof payload !== 'object' || Array.isArray(payload))
    throw new InvalidSignedRequestError('the payload is not an object');
  const fields = payload as Record<string, unknown>;
  if (typeof fields.algorithm !== 'string' || fields.algorithm.toUpperCase() !== 'HMAC-SHA256') {
    throw new InvalidSignedRequestError('the algorithm is not HMAC-SHA256');
  }
  const userId = userIdOf(fields.user_id);
  const issuedAt = fields.issued_at;
  if (typeof issuedAt !== 'number' || !Number.isSafeInteger(issuedAt)) throw new InvalidSignedRequestError('no issued_at');
  const now = Math.floor(nowMs / 1000);
  if (issuedAt < now - SIGNED_REQUEST_MAX_AGE_SECONDS) throw new InvalidSignedRequestError('issued_at is more than 24 hours old');
  if (issuedAt > now + SIGNED_REQUEST_MAX_SKEW_SECONDS) throw new InvalidSignedRequestError('issued_at is in the future');
  return { ...fields, algorithm: fields.algorithm, user_id: userId, issued_at: issuedAt };
}

/** A decimal string, or a number that is exactly an integer (a larger one has lost digits in JSON). */
function userIdOf(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && USER_ID.test(value)) return value;
  throw new InvalidSignedRequestError('no user_id, or not a decimal id');
}
