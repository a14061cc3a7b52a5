/**
 * A local fake of the Facebook Login dialog and the few Graph API endpoints this
 * service talks to, for tests and for offline local development.
 *
 * It speaks the shapes Facebook documents (Manually Build a Login Flow, Access
 * Tokens: Debugging and Error Handling, Securing Requests / appsecret_proof,
 * Graph API Handling Errors): the same parameters, the same JSON bodies, the same
 * error codes and subcodes, HTTP 400 for Graph errors. It keeps everything in
 * memory and knows nothing about the service under test.
 *
 *   const fb = await startFakeFacebook();
 *   fb.addUser({ id: '10000000001', name: 'Ada Lovelace', email: 'ada@example.com' });
 *   process.env = { ...process.env, ...fb.env() };
 *   ...
 *   await fb.close();
 *
 * Routes (any `/vNN.N` prefix is accepted, as is none):
 *   GET       /dialog/oauth              login dialog -> 302 to redirect_uri with code&state (or the denial params)
 *   GET|POST  /oauth/access_token        code exchange, fb_exchange_token, client_credentials
 *   GET       /debug_token               token introspection (needs an app token)
 *   GET       /me, /{user-id}            the user, `fields` honoured (email only with the `email` scope)
 *   GET       /me/permissions, /{user-id}/permissions
 *   DELETE    /me/permissions, /{user-id}/permissions[/{permission}]   de-authorize (all of the user's tokens for the app die)
 *
 * Everything else answers 400 with Graph error code 2500.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { URL } from 'node:url';

export interface FakeFacebookUser {
  id: string;
  name: string;
  email?: string;
}

export interface FakeFacebookOptions {
  appId?: string;
  appSecret?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 'v25.0'. */
  version?: string;
  /** Name reported as `application` by debug_token. Default 'Fake App'. */
  appName?: string;
  /**
   * When the dialog is opened without `fake_user` and no `setDialogUser()` was
   * called, render a small HTML page with one link per user (and a Cancel link)
   * instead of logging in as the default user at once. Meant for people clicking
   * through by hand (the CLI turns it on); tests leave it off.
   */
  chooseUserInDialog?: boolean;
  /** Called with one line per request received (method and path, never the query). */
  log?: (line: string) => void;
}

export interface FakeFacebookCall {
  method: string;
  /** The path without the query string, e.g. '/v25.0/me'. */
  path: string;
  query: Record<string, string>;
  /** The parsed form-urlencoded (or JSON) body; {} when there is none. */
  body: Record<string, string>;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
}

export interface FakeFacebookFailure {
  /** A string matches the path exactly, with or without the version prefix ('/me' or '/v25.0/me'); a RegExp is tested against the full path. */
  path: RegExp | string;
  status: number;
  /** JSON-encoded unless a string (sent as-is, text/html, like a proxy's error page). Default: a Facebook error body fitting the status. */
  body?: unknown;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Only requests with this method match. Default any. */
  method?: string;
}

export interface FakeFacebookDelay {
  path: RegExp | string;
  ms: number;
  times?: number;
  method?: string;
}

export interface FakeFacebook {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** `${baseUrl}/${version}`, the value for FACEBOOK_GRAPH_URL. */
  graphUrl: string;
  /** `${baseUrl}/${version}/dialog/oauth`, the value for FACEBOOK_DIALOG_URL. */
  dialogUrl: string;
  appId: string;
  appSecret: string;
  version: string;
  /** FACEBOOK_APP_ID, FACEBOOK_APP_SECRET, FACEBOOK_GRAPH_URL, FACEBOOK_DIALOG_URL. */
  env(): Record<string, string>;
  /** A user who can log in. Re-adding an id replaces the user. */
  addUser(user: FakeFacebookUser): void;
  /** Register another app (for app-mismatch tests). Apps named in issueCode/issueToken are registered on the fly, with secret `fake-app-secret-${appId}`. */
  addApp(app: { appId: string; appSecret: string; name?: string }): void;
  /** What the dialog does for the next authorization(s): log in as this user (default: first user added, or a built-in default user). */
  setDialogUser(userId: string): void;
  /** The next dialog redirects back with error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=... */
  denyNextDialog(): void;
  /** Issue an authorization code directly, as if the dialog ran (for API tests that skip the browser). */
  issueCode(opts: { userId: string; redirectUri: string; scopes?: string[]; appId?: string }): string;
  /** Mint a user access token directly (short-lived, 7200 s, unless longLived). */
  issueToken(opts: { userId: string; scopes?: string[]; appId?: string; longLived?: boolean }): string;
  /** The next matching request(s) answer this status instead. */
  failNext(opts: FakeFacebookFailure): void;
  /** The next matching request(s) are answered only after `ms`. */
  delayNext(opts: FakeFacebookDelay): void;
  /** Every token of that user (all apps) becomes invalid: code 190, subcode 460. */
  invalidateUserTokens(userId: string): void;
  /** The token is expired from now on: code 190, subcode 463. */
  expireToken(accessToken: string): void;
  /** Move the fake's clock forward (codes expire after 10 minutes, short-lived tokens after 2 hours). */
  advanceClock(ms: number): void;
  /** The fake's current time, ms since the epoch (Date.now() plus what advanceClock added). */
  now(): number;
  /** Every request received, oldest first. */
  calls: FakeFacebookCall[];
  /** Forget calls, pending failures and delays, a pending denial and the chosen dialog user. Users, apps, codes and tokens stay. */
  reset(): void;
  /** A valid signed_request: base64url(HMAC-SHA256 signature).base64url(JSON payload), payload gets algorithm 'HMAC-SHA256' and issued_at unless given. */
  signedRequest(payload: Record<string, unknown>): string;
  close(): Promise<void>;
}

// --------------------------------------------------------------------------------------------
// Constants and shapes

const CODE_TTL_MS = 10 * 60 * 1000;
const SHORT_LIVED_S = 7200;
const LONG_LIVED_S = 5_184_000; // 60 days
const DATA_ACCESS_S = 90 * 24 * 3600;

const DEFAULT_USER: FakeFacebookUser = { id: '100000000000000', name: 'Fake User', email: 'fake.user@example.com' };

const MSG_REDIRECT_MISMATCH =
  'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request';
const MSG_NO_USER_TOKEN = 'An active access token must be used to query information about the current user.';
const MSG_BAD_TOKEN = 'Invalid OAuth access token - Cannot parse access token';

interface GraphError {
  message: string;
  type?: string;
  code: number;
  error_subcode?: number;
}

interface AppRecord {
  appId: string;
  appSecret: string;
  name: string;
}

interface CodeRecord {
  appId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

interface TokenRecord {
  token: string;
  kind: 'user' | 'app';
  appId: string;
  userId?: string;
  scopes: string[];
  issuedAt: number;
  /** ms; null = never */
  expiresAt: number | null;
  dataAccessExpiresAt: number | null;
  longLived: boolean;
  invalid?: { subcode: number; message: string };
}

type TokenCheck = { ok: true; token: string; rec: TokenRecord; app: AppRecord } | { ok: false; error: GraphError };

class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphError,
  ) {
    super(error.message);
  }
}

// --------------------------------------------------------------------------------------------
// Small helpers

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function alnum(length: number): string {
  let out = '';
  while (out.length < length)
    out += randomBytes(length)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '');
  return out.slice(0, length);
}

function fbtraceId(): string {
  return alnum(11);
}

function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function parseScopes(scope: string | undefined): string[] {
  const requested = (scope ?? '').split(/[\s,]+/).filter(Boolean);
  // Facebook always grants public_profile.
  return [...new Set(['public_profile', ...requested])];
}

/** Facebook's style: "Tuesday, 09-Apr-24 10:00:00 UTC". */
function fbDate(ms: number): string {
  const d = new Date(ms);
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[d.getUTCDay()]}, ${p(d.getUTCDate())}-${months[d.getUTCMonth()]}-${p(d.getUTCFullYear() % 100)} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`
  );
}

function toStringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new GraphFailure(400, { message: 'Request body too large', code: 100 });
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    try {
      return toStringRecord(JSON.parse(raw));
    } catch {
      throw new GraphFailure(400, { message: 'Invalid JSON in request body', code: 100 });
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** Split a `fields` value at top-level commas: "id,picture{url,width},name" -> id, picture, name. */
function parseFields(fields: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of fields) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((f) => f.trim().split(/[.{(]/)[0]!).filter(Boolean);
}

function matches(pattern: RegExp | string, method: string | undefined, req: { method: string; path: string; rest: string }): boolean {
  if (method && method.toUpperCase() !== req.method) return false;
  if (typeof pattern === 'string') return pattern === req.path || pattern === req.rest;
  pattern.lastIndex = 0;
  return pattern.test(req.path);
}

// --------------------------------------------------------------------------------------------
// The fake

export async function startFakeFacebook(options: FakeFacebookOptions = {}): Promise<FakeFacebook> {
  const appId = options.appId ?? '1234567890';
  const appSecret = options.appSecret ?? 'fake-app-secret';
  const host = options.host ?? '127.0.0.1';
  const version = options.version ?? 'v25.0';

  const apps = new Map<string, AppRecord>([[appId, { appId, appSecret, name: options.appName ?? 'Fake App' }]]);
  const users = new Map<string, FakeFacebookUser>([[DEFAULT_USER.id, DEFAULT_USER]]);
  let firstAddedUser: string | undefined;
  let dialogUser: string | undefined;
  let denyPending = false;
  const codes = new Map<string, CodeRecord>();
  const tokens = new Map<string, TokenRecord>();
  const failures: (FakeFacebookFailure & { left: number })[] = [];
  const delays: (FakeFacebookDelay & { left: number })[] = [];
  const calls: FakeFacebookCall[] = [];
  const pendingTimers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let clockOffset = 0;
  let closed = false;

  const now = () => Date.now() + clockOffset;

  function requireUser(userId: string): FakeFacebookUser {
    const user = users.get(userId);
    if (!user) throw new Error(`fake-facebook: unknown user ${userId}; addUser() it first`);
    return user;
  }

  function ensureApp(id: string): AppRecord {
    let app = apps.get(id);
    if (!app) {
      app = { appId: id, appSecret: `fake-app-secret-${id}`, name: `Fake App ${id}` };
      apps.set(id, app);
    }
    return app;
  }

  function mintUserToken(app: AppRecord, userId: string, scopes: string[], longLived: boolean): string {
    const token = `EAA${alnum(8)}${alnum(160)}`;
    const t = now();
    tokens.set(token, {
      token,
      kind: 'user',
      appId: app.appId,
      userId,
      scopes: [...scopes],
      issuedAt: t,
      expiresAt: t + (longLived ? LONG_LIVED_S : SHORT_LIVED_S) * 1000,
      dataAccessExpiresAt: t + DATA_ACCESS_S * 1000,
      longLived,
    });
    return token;
  }

  function mintCode(app: AppRecord, userId: string, redirectUri: string, scopes: string[]): string {
    const code = `AQ${randomId(120)}`;
    codes.set(code, { appId: app.appId, userId, redirectUri, scopes: [...scopes], expiresAt: now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** Resolve an access token (user token, minted app token, or APPID|APPSECRET). */
  function checkToken(token: string): TokenCheck {
    const pipe = token.indexOf('|');
    if (pipe > 0 && !tokens.has(token)) {
      const app = apps.get(token.slice(0, pipe));
      if (!app) return { ok: false, error: { message: MSG_BAD_TOKEN, code: 190 } };
      if (!safeEqual(token.slice(pipe + 1), app.appSecret)) {
        return { ok: false, error: { message: 'Invalid OAuth access token signature.', code: 190 } };
      }
      const rec: TokenRecord = {
        token,
        kind: 'app',
        appId: app.appId,
        scopes: [],
        issuedAt: 0,
        expiresAt: null,
        dataAccessExpiresAt: null,
        longLived: true,
      };
      return { ok: true, token, rec, app };
    }
    const rec = tokens.get(token);
    if (!rec) return { ok: false, error: { message: MSG_BAD_TOKEN, code: 190 } };
    const app = apps.get(rec.appId)!;
    if (rec.invalid) return { ok: false, error: { message: rec.invalid.message, code: 190, error_subcode: rec.invalid.subcode } };
    const t = now();
    if (rec.expiresAt !== null && t >= rec.expiresAt) {
      return {
        ok: false,
        error: {
          message: `Error validating access token: Session has expired on ${fbDate(rec.expiresAt)}. The current time is ${fbDate(t)}.`,
          code: 190,
          error_subcode: 463,
        },
      };
    }
    return { ok: true, token, rec, app };
  }

  /** The caller's access token: `access_token` parameter, or `Authorization: Bearer|OAuth <token>`. */
  function callerToken(params: Record<string, string>, req: IncomingMessage): string | undefined {
    if (params.access_token) return params.access_token;
    const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return m?.[1];
  }

  /** The caller must present a valid token; appsecret_proof, when sent, must match it. */
  function authenticate(params: Record<string, string>, req: IncomingMessage, missingMessage: string, missingCode: number) {
    const token = callerToken(params, req);
    if (!token) throw new GraphFailure(400, { message: missingMessage, code: missingCode });
    const check = checkToken(token);
    if (!check.ok) throw new GraphFailure(400, check.error);
    if (params.appsecret_proof !== undefined && !safeEqual(params.appsecret_proof, hmacHex(check.app.appSecret, token))) {
      throw new GraphFailure(400, {
        message: 'Invalid appsecret_proof provided in the API argument',
        type: 'GraphMethodException',
        code: 100,
      });
    }
    return check;
  }

  function noSuchObject(verb: 'get' | 'delete' | 'post', id: string): GraphFailure {
    return new GraphFailure(400, {
      message:
        `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, ` +
        'or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
    });
  }

  function userTokensOf(userId: string, forAppId?: string): TokenRecord[] {
    return [...tokens.values()].filter((t) => t.kind === 'user' && t.userId === userId && (!forAppId || t.appId === forAppId));
  }

  // ------------------------------------------------------------------------------------------
  // Responses

  function send(res: ServerResponse, status: number, body: unknown, apiVersion: string, extraHeaders: Record<string, string> = {}) {
    if (res.headersSent || res.destroyed) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
      'cache-control': 'private, no-cache, no-store, must-revalidate',
      'facebook-api-version': apiVersion,
      'x-fb-trace-id': fbtraceId(),
      'content-length': Buffer.byteLength(text),
      ...extraHeaders,
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, status: number, error: GraphError, apiVersion: string) {
    const body = {
      error: {
        message: error.message,
        type: error.type ?? 'OAuthException',
        code: error.code,
        ...(error.error_subcode !== undefined ? { error_subcode: error.error_subcode } : {}),
        fbtrace_id: fbtraceId(),
      },
    };
    const headers: Record<string, string> = {};
    if (error.code === 190)
      headers['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${error.message.replace(/["\\\r\n]/g, ' ')}"`;
    send(res, status, body, apiVersion, headers);
  }

  function redirect(res: ServerResponse, location: string) {
    res.writeHead(302, { location, 'content-length': 0, 'cache-control': 'private, no-cache, no-store, must-revalidate' });
    res.end();
  }

  function htmlPage(title: string, inner: string): string {
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:36em;margin:3em auto"><h1>${escapeHtml(title)}</h1>${inner}</body></html>`;
  }

  function defaultFailureBody(status: number): unknown {
    const error =
      status === 429
        ? { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true }
        : status === 503
          ? { message: '(#2) Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true }
          : status >= 500
            ? {
                message: 'An unexpected error has occurred. Please retry your request later.',
                type: 'OAuthException',
                code: 2,
                is_transient: true,
              }
            : { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 };
    return { error: { ...error, fbtrace_id: fbtraceId() } };
  }

  // ------------------------------------------------------------------------------------------
  // Routes

  function dialog(params: Record<string, string>, url: URL, res: ServerResponse, apiVersion: string) {
    const app = params.client_id ? apps.get(params.client_id) : undefined;
    if (!app) {
      return send(res, 400, htmlPage('Invalid App ID', '<p>The provided app ID does not look like a valid app ID.</p>'), apiVersion);
    }
    const redirectUri = params.redirect_uri;
    let target: URL | undefined;
    try {
      target = redirectUri ? new URL(redirectUri) : undefined;
    } catch {
      target = undefined;
    }
    if (!redirectUri || !target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
      return send(
        res,
        400,
        htmlPage('URL blocked', "<p>This redirect failed because the redirect URI is missing or isn't a valid absolute http(s) URL.</p>"),
        apiVersion,
      );
    }
    if (params.response_type && params.response_type !== 'code') {
      return send(
        res,
        400,
        htmlPage(
          'Unsupported response_type',
          `<p>The fake only implements response_type=code, not ${escapeHtml(params.response_type)}.</p>`,
        ),
        apiVersion,
      );
    }

    const back = (entries: [string, string][]) => {
      for (const [k, v] of entries) target!.searchParams.set(k, v);
      if (params.state !== undefined) target!.searchParams.set('state', params.state);
      target!.hash = '_=_'; // Facebook appends #_=_ to its redirects
      redirect(res, target!.toString());
    };

    if (denyPending || params.fake_deny) {
      denyPending = false;
      return back([
        ['error', 'access_denied'],
        ['error_code', '200'],
        ['error_description', 'Permissions error'],
        ['error_reason', 'user_denied'],
      ]);
    }

    let userId = params.fake_user ?? dialogUser;
    if (!userId && options.chooseUserInDialog) {
      const link = (extra: Record<string, string>) => {
        const u = new URL(url.toString());
        for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v);
        return escapeHtml(u.pathname + u.search);
      };
      const list = [...users.values()]
        .filter((u) => u.id !== DEFAULT_USER.id || !firstAddedUser)
        .map(
          (u) =>
            `<li><a href="${link({ fake_user: u.id })}">${escapeHtml(u.name)}</a> <small>${escapeHtml(u.email ?? '')} (${escapeHtml(u.id)})</small></li>`,
        )
        .join('');
      const scopes = parseScopes(params.scope).join(', ');
      return send(
        res,
        200,
        htmlPage(
          `Log in to ${app.name}`,
          `<p>Fake Facebook: continue as&hellip;</p><ul>${list}</ul><p>Permissions requested: ${escapeHtml(scopes)}</p><p><a href="${link({ fake_deny: '1' })}">Cancel</a></p>`,
        ),
        apiVersion,
      );
    }
    userId ??= firstAddedUser ?? DEFAULT_USER.id;
    if (!users.has(userId)) {
      return send(res, 400, htmlPage('Unknown user', `<p>The fake has no user ${escapeHtml(userId)}.</p>`), apiVersion);
    }
    back([['code', mintCode(app, userId, redirectUri, parseScopes(params.scope))]]);
  }

  function accessToken(params: Record<string, string>) {
    if (!params.client_id) throw new GraphFailure(400, { message: 'Missing client_id parameter.', code: 101 });
    const app = apps.get(params.client_id);
    if (!app) throw new GraphFailure(400, { message: 'Error validating application. Invalid application ID.', code: 101 });
    const grant = params.grant_type ?? 'authorization_code';

    if (grant === 'client_credentials') {
      if (!params.client_secret || !safeEqual(params.client_secret, app.appSecret)) {
        throw new GraphFailure(400, { message: 'Error validating client secret.', code: 1 });
      }
      const token = `${app.appId}|${alnum(27)}`;
      tokens.set(token, {
        token,
        kind: 'app',
        appId: app.appId,
        scopes: [],
        issuedAt: now(),
        expiresAt: null,
        dataAccessExpiresAt: null,
        longLived: true,
      });
      return { access_token: token, token_type: 'bearer' };
    }

    if (grant === 'authorization_code') {
      if (params.redirect_uri === undefined) throw new GraphFailure(400, { message: 'Missing redirect_uri parameter.', code: 191 });
      if (!params.client_secret || !safeEqual(params.client_secret, app.appSecret)) {
        throw new GraphFailure(400, { message: 'Error validating client secret.', code: 1 });
      }
      if (!params.code) throw new GraphFailure(400, { message: 'Missing authorization code', code: 1 });
      const rec = codes.get(params.code);
      if (!rec || rec.appId !== app.appId) throw new GraphFailure(400, { message: 'Invalid verification code format.', code: 100 });
      if (rec.used) throw new GraphFailure(400, { message: 'This authorization code has been used.', code: 100, error_subcode: 36009 });
      if (now() >= rec.expiresAt)
        throw new GraphFailure(400, { message: 'This authorization code has expired.', code: 100, error_subcode: 36007 });
      if (rec.redirectUri !== params.redirect_uri)
        throw new GraphFailure(400, { message: MSG_REDIRECT_MISMATCH, code: 100, error_subcode: 36008 });
      rec.used = true;
      return { access_token: mintUserToken(app, rec.userId, rec.scopes, false), token_type: 'bearer', expires_in: SHORT_LIVED_S };
    }

    if (grant === 'fb_exchange_token') {
      if (!params.client_secret || !safeEqual(params.client_secret, app.appSecret)) {
        throw new GraphFailure(400, { message: 'Error validating client secret.', code: 1 });
      }
      if (!params.fb_exchange_token) throw new GraphFailure(400, { message: 'Missing fb_exchange_token parameter.', code: 1 });
      const check = checkToken(params.fb_exchange_token);
      if (!check.ok) throw new GraphFailure(400, check.error);
      if (check.rec.kind !== 'user' || check.rec.appId !== app.appId) throw new GraphFailure(400, { message: MSG_BAD_TOKEN, code: 190 });
      return {
        access_token: mintUserToken(app, check.rec.userId!, check.rec.scopes, true),
        token_type: 'bearer',
        expires_in: LONG_LIVED_S,
      };
    }

    throw new GraphFailure(400, { message: `Unsupported grant_type: ${grant}`, code: 100 });
  }

  function debugToken(params: Record<string, string>, req: IncomingMessage) {
    const caller = authenticate(params, req, 'An access token is required to request this resource.', 104);
    if (caller.rec.kind !== 'app') {
      throw new GraphFailure(400, {
        message: '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app',
        code: 100,
      });
    }
    const input = params.input_token;
    if (!input) throw new GraphFailure(400, { message: '(#100) The parameter input_token is required', code: 100 });

    const check = checkToken(input);
    const rec = check.ok ? check.rec : tokens.get(input);
    if (!rec) return { data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] } };
    const app = apps.get(rec.appId)!;
    if (rec.kind === 'app') return { data: { app_id: app.appId, type: 'APP', application: app.name, is_valid: true, scopes: [] } };
    const secs = (ms: number | null) => (ms === null ? 0 : Math.floor(ms / 1000));
    return {
      data: {
        app_id: app.appId,
        type: 'USER',
        application: app.name,
        data_access_expires_at: secs(rec.dataAccessExpiresAt),
        ...(check.ok ? {} : { error: { code: check.error.code, message: check.error.message, subcode: check.error.error_subcode } }),
        expires_at: secs(rec.expiresAt),
        is_valid: check.ok,
        ...(rec.longLived ? { issued_at: secs(rec.issuedAt) } : {}),
        scopes: [...rec.scopes],
        user_id: rec.userId,
      },
    };
  }

  function profile(nodeId: string, params: Record<string, string>, req: IncomingMessage) {
    const caller = authenticate(params, req, MSG_NO_USER_TOKEN, 2500);
    if (caller.rec.kind !== 'user') {
      if (nodeId === 'me') throw new GraphFailure(400, { message: MSG_NO_USER_TOKEN, code: 2500 });
      if (!users.has(nodeId)) throw noSuchObject('get', nodeId);
    } else if (nodeId !== 'me' && nodeId !== caller.rec.userId) {
      throw noSuchObject('get', nodeId);
    }
    const user = users.get(nodeId === 'me' ? caller.rec.userId! : nodeId);
    if (!user) throw noSuchObject('get', nodeId);

    const [first, ...others] = user.name.split(/\s+/);
    const last = others.length ? others[others.length - 1] : undefined;
    const middle = others.length > 1 ? others.slice(0, -1).join(' ') : undefined;
    const canSeeEmail = caller.rec.kind === 'user' && caller.rec.scopes.includes('email');
    const values: Record<string, () => unknown> = {
      id: () => user.id,
      name: () => user.name,
      email: () => (canSeeEmail ? user.email : undefined),
      first_name: () => first,
      last_name: () => last,
      middle_name: () => middle,
      short_name: () => first,
      name_format: () => '{first} {last}',
      picture: () => ({
        data: { height: 50, is_silhouette: true, url: `https://fake-facebook.invalid/silhouette/${user.id}.png`, width: 50 },
      }),
    };
    const fields = params.fields ? parseFields(params.fields) : ['name', 'id'];
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const get = values[field];
      if (!get)
        throw new GraphFailure(400, { message: `(#100) Tried accessing nonexisting field (${field}) on node type (User)`, code: 100 });
      const v = get();
      if (v !== undefined) out[field] = v;
    }
    // Facebook always answers with the id, even when not asked for.
    if (!('id' in out)) out.id = user.id;
    return out;
  }

  function permissions(
    method: string,
    nodeId: string,
    permission: string | undefined,
    params: Record<string, string>,
    req: IncomingMessage,
  ) {
    const caller = authenticate(params, req, MSG_NO_USER_TOKEN, 2500);
    let userId: string;
    if (caller.rec.kind === 'user') {
      if (nodeId !== 'me' && nodeId !== caller.rec.userId) throw noSuchObject(method === 'DELETE' ? 'delete' : 'get', nodeId);
      userId = caller.rec.userId!;
    } else {
      if (nodeId === 'me') throw new GraphFailure(400, { message: MSG_NO_USER_TOKEN, code: 2500 });
      if (!users.has(nodeId)) throw noSuchObject(method === 'DELETE' ? 'delete' : 'get', nodeId);
      userId = nodeId;
    }
    const live = userTokensOf(userId, caller.app.appId).filter((t) => checkToken(t.token).ok);

    if (method === 'GET') {
      if (permission !== undefined) throw new GraphFailure(400, { message: `Unknown path components: /${permission}`, code: 2500 });
      const granted = caller.rec.kind === 'user' ? caller.rec.scopes : [...new Set(live.flatMap((t) => t.scopes))];
      return { data: granted.map((p) => ({ permission: p, status: 'granted' })) };
    }
    // DELETE
    if (permission !== undefined) {
      for (const t of live) t.scopes = t.scopes.filter((s) => s !== permission);
      return { success: true };
    }
    for (const t of userTokensOf(userId, caller.app.appId)) {
      t.invalid ??= {
        subcode: 458,
        message: `Error validating access token: The user has not authorized application ${caller.app.appId}.`,
      };
    }
    return { success: true };
  }

  async function pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingTimers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingTimers.add(entry);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://fake-facebook.invalid');
    const path = url.pathname;
    const m = /^\/(v\d+\.\d+)(\/.*)?$/.exec(path);
    const apiVersion = m?.[1] ?? version;
    const rest = m ? (m[2] ?? '/') : path;
    const query = Object.fromEntries(url.searchParams);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;

    let body: Record<string, string> = {};
    let bodyError: GraphFailure | undefined;
    try {
      body = await readBody(req);
    } catch (err) {
      bodyError = err instanceof GraphFailure ? err : new GraphFailure(400, { message: 'Could not read request body', code: 100 });
    }
    calls.push({ method, path, query, body, headers });
    options.log?.(`${method} ${path}`);

    const here = { method, path, rest };
    const delay = delays.find((d) => d.left > 0 && matches(d.path, d.method, here));
    if (delay) {
      if (--delay.left <= 0) delays.splice(delays.indexOf(delay), 1);
      await pause(delay.ms);
      if (closed) return;
    }
    const failure = failures.find((f) => f.left > 0 && matches(f.path, f.method, here));
    if (failure) {
      if (--failure.left <= 0) failures.splice(failures.indexOf(failure), 1);
      return send(res, failure.status, failure.body === undefined ? defaultFailureBody(failure.status) : failure.body, apiVersion);
    }

    try {
      if (bodyError) throw bodyError;
      const params = { ...query, ...body };
      const segments = rest.split('/').filter(Boolean);

      if (rest === '/dialog/oauth' && method === 'GET') return dialog(params, url, res, apiVersion);
      if (rest === '/oauth/access_token' && (method === 'GET' || method === 'POST')) return send(res, 200, accessToken(params), apiVersion);
      if (rest === '/debug_token' && method === 'GET') return send(res, 200, debugToken(params, req), apiVersion);

      const node = segments[0];
      const isNode = node === 'me' || (node !== undefined && /^\d+$/.test(node));
      if (isNode && segments.length === 1 && method === 'GET') return send(res, 200, profile(node, params, req), apiVersion);
      if (isNode && segments[1] === 'permissions' && segments.length <= 3 && (method === 'GET' || method === 'DELETE')) {
        return send(res, 200, permissions(method, node, segments[2], params, req), apiVersion);
      }
      const unknown = isNode ? `/${segments.slice(1).join('/')}` : rest;
      throw new GraphFailure(400, { message: `Unknown path components: ${unknown}`, code: 2500 });
    } catch (err) {
      if (err instanceof GraphFailure) return sendError(res, err.status, err.error, apiVersion);
      return sendError(res, 500, { message: `fake-facebook internal error: ${(err as Error).message}`, code: 1 }, apiVersion);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Server

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const graphUrl = `${baseUrl}/${version}`;
  const dialogUrl = `${graphUrl}/dialog/oauth`;

  const fake: FakeFacebook = {
    baseUrl,
    graphUrl,
    dialogUrl,
    appId,
    appSecret,
    version,
    calls,
    env: () => ({ FACEBOOK_APP_ID: appId, FACEBOOK_APP_SECRET: appSecret, FACEBOOK_GRAPH_URL: graphUrl, FACEBOOK_DIALOG_URL: dialogUrl }),
    addUser(user) {
      if (!user.id || !user.name) throw new Error('fake-facebook: a user needs an id and a name');
      users.set(user.id, { ...user });
      firstAddedUser ??= user.id;
    },
    addApp(app) {
      apps.set(app.appId, { appId: app.appId, appSecret: app.appSecret, name: app.name ?? `Fake App ${app.appId}` });
    },
    setDialogUser(userId) {
      requireUser(userId);
      dialogUser = userId;
    },
    denyNextDialog() {
      denyPending = true;
    },
    issueCode({ userId, redirectUri, scopes, appId: forApp }) {
      requireUser(userId);
      return mintCode(ensureApp(forApp ?? appId), userId, redirectUri, parseScopes(scopes?.join(',')));
    },
    issueToken({ userId, scopes, appId: forApp, longLived }) {
      requireUser(userId);
      return mintUserToken(ensureApp(forApp ?? appId), userId, parseScopes(scopes?.join(',')), longLived ?? false);
    },
    failNext(opts) {
      failures.push({ ...opts, left: opts.times ?? 1 });
    },
    delayNext(opts) {
      delays.push({ ...opts, left: opts.times ?? 1 });
    },
    invalidateUserTokens(userId) {
      for (const t of userTokensOf(userId)) {
        t.invalid ??= {
          subcode: 460,
          message:
            'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
        };
      }
    },
    expireToken(token) {
      const rec = tokens.get(token);
      if (!rec) throw new Error('fake-facebook: expireToken() got a token the fake never issued');
      rec.expiresAt = Math.min(rec.expiresAt ?? Infinity, now() - 1000);
    },
    advanceClock(ms) {
      clockOffset += ms;
    },
    now,
    reset() {
      calls.length = 0;
      failures.length = 0;
      delays.length = 0;
      denyPending = false;
      dialogUser = undefined;
    },
    signedRequest(payload) {
      const encoded = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', issued_at: Math.floor(now() / 1000), ...payload })).toString(
        'base64url',
      );
      const sig = createHmac('sha256', appSecret).update(encoded).digest('base64url');
      return `${sig}.${encoded}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const p of pendingTimers) {
        clearTimeout(p.timer);
        p.resolve();
      }
      pendingTimers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
