import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The browser's session (HttpOnly: scripts never see the token). */
export const SESSION_COOKIE = 'entropy_session';
/** Readable by the SPA, which echoes it in X-CSRF-Token on writes (double submit). */
export const CSRF_COOKIE = 'entropy_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Ties a Facebook sign-in to the browser that started it; sent only to the sign-in routes. */
export const LOGIN_NONCE_COOKIE = 'entropy_login';
const LOGIN_COOKIE_PATH = '/v1/auth/facebook';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF token is derived from the session token, so a cookie planted by a sibling subdomain
 * cannot pair with a forged header: only someone who could read the real session's CSRF cookie
 * (the SPA on its origin) can produce it. It reveals nothing usable about the session token.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`entropy-csrf:${sessionToken}`).digest('base64url');
}

export function setSessionCookies(reply: FastifyReply, sessionToken: string, maxAgeSeconds: number): void {
  const common: CookieSerializeOptions = { path: '/', secure: true, sameSite: 'lax', maxAge: maxAgeSeconds };
  reply.setCookie(SESSION_COOKIE, sessionToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(sessionToken), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  const common: CookieSerializeOptions = { path: '/', secure: true, sameSite: 'lax' };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}

/** The session token from the cookie, only when no Authorization header was sent (that one wins). */
export function sessionCookieToken(request: FastifyRequest): string | undefined {
  if (request.headers.authorization !== undefined) return undefined;
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

/** Writes authenticated by cookie need X-CSRF-Token matching the session's CSRF token. */
export function csrfSatisfied(request: FastifyRequest, sessionToken: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fresh nonce for the login cookie, and the hash the login state keeps of it. */
export function newLoginNonce(): { nonce: string; nonceHash: string } {
  const nonce = randomBytes(32).toString('base64url');
  return { nonce, nonceHash: loginNonceHash(nonce) };
}

export function loginNonceHash(nonce: string): string {
  return createHash('sha256').update(nonce).digest('hex');
}

const loginCookieOptions: CookieSerializeOptions = { path: LOGIN_COOKIE_PATH, secure: true, sameSite: 'lax', httpOnly: true };

/**
 * SameSite=Lax still reaches the callback, a top-level navigation back from Facebook; the path keeps
 * the nonce off every other route.
 */
export function setLoginNonceCookie(reply: FastifyReply, nonce: string, maxAgeSeconds: number): void {
  reply.setCookie(LOGIN_NONCE_COOKIE, nonce, { ...loginCookieOptions, maxAge: maxAgeSeconds });
}

export function clearLoginNonceCookie(reply: FastifyReply): void {
  reply.clearCookie(LOGIN_NONCE_COOKIE, loginCookieOptions);
}

/** Whether the request carries the login cookie whose nonce hashes to `nonceHash`. */
export function loginNonceMatches(request: FastifyRequest, nonceHash: string | undefined): boolean {
  const nonce = request.cookies?.[LOGIN_NONCE_COOKIE];
  if (!nonce || typeof nonceHash !== 'string') return false;
  const expected = Buffer.from(nonceHash);
  const actual = Buffer.from(loginNonceHash(nonce));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
