import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignedRequestError } from '../credentials.errors.js';

export interface SignedRequestPayload {
  algorithm: string;
  user_id: string;
  issued_at?: number;
  [field: string]: unknown;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Facebook's `signed_request`: `base64url(signature).base64url(JSON payload)`, the signature being
 * HMAC-SHA256 of the encoded payload with the app secret. Checked in constant time before the
 * payload is trusted; throws InvalidSignedRequestError saying what is wrong (never echoing it).
 */
export function parseSignedRequest(signedRequest: string, appSecret: string): SignedRequestPayload {
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
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new InvalidSignedRequestError('the payload is not an object');
  const fields = payload as Record<string, unknown>;
  if (typeof fields.algorithm !== 'string' || fields.algorithm.toUpperCase() !== 'HMAC-SHA256') {
    throw new InvalidSignedRequestError('the algorithm is not HMAC-SHA256');
  }
  const userId = typeof fields.user_id === 'number' ? String(fields.user_id) : fields.user_id;
  if (typeof userId !== 'string' || !/^\d{1,64}$/.test(userId)) throw new InvalidSignedRequestError('no user_id');
  return { ...fields, algorithm: fields.algorithm, user_id: userId } as SignedRequestPayload;
}
