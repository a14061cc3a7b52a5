import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import pg from 'pg';
import { RotateEncryptionKeysCommand } from '../../src/credentials/commands/rotate-encryption-keys/rotate-encryption-keys.command.js';
import { FacebookGraphOptions } from '../../src/credentials/facebook/facebook-graph.client.js';
import { CREDENTIAL_LIFECYCLE_LOCK, CredentialLifecycleJob } from '../../src/credentials/lifecycle/credential-lifecycle.job.js';
import { FacebookRevocationQueue, MAX_REVOCATION_ATTEMPTS } from '../../src/credentials/revocation/facebook-revocation.queue.js';
import { SecretBox } from '../../src/infrastructure/security/secret-box.js';
import { startFakeFacebook, type FakeFacebook } from '../support/fake-facebook.js';
import { call, createOrganization } from '../support/http.js';
import { NEEDS_POSTGRES, startTestApp, type TestApp } from '../support/test-app.js';

const REDIRECT = 'http://app.test/facebook/callback';
// Short enough to test timeouts quickly, long enough for a loaded 2-core machine to answer in time.
const TIMEOUT_MS = 1000;
const NEW_KEY = { id: 'k2026', key: randomBytes(32) };
const OLD_KEY = { id: 'k2025', key: randomBytes(32) };
const USERS = Array.from({ length: 12 }, (_, i) => ({ id: String(20000000001 + i), name: `Person ${i + 1}` }));

let fb: FakeFacebook;
let t: TestApp;
let owner: { id: number; token: string };
let job: CredentialLifecycleJob;
let revocations: FacebookRevocationQueue;
/** Every secret the service exchanged with Facebook in this file: none may reach the database. */
const secretsSeen = new Set<string>();

function remember(): void {
  for (const c of fb.calls) {
    const bearer = /^Bearer (\S+)$/.exec(c.headers.authorization ?? '')?.[1];
    for (const value of [bearer, c.body.code, c.body.fb_exchange_token, c.body.client_secret, c.query.input_token]) {
      if (value && !value.includes('|')) secretsSeen.add(value);
    }
  }
}

const createOrg = (name: string) => createOrganization(t.app, owner.token, { name });

async function link(organizationId: string, userId: string): Promise<number> {
  const started = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials/authorize`, { token: owner.token });
  const code = fb.issueCode({ userId, redirectUri: REDIRECT, scopes: ['public_profile', 'pages_show_list'] });
  const res = await call(t.app, 'POST', `/v1/organizations/${organizationId}/credentials`, {
    token: owner.token,
    body: { code, state: started.body.state },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

async function storedToken(credentialId: number): Promise<string> {
  const [row] = await t.dataSource.query('SELECT encrypted_token FROM credentials WHERE id = $1', [credentialId]);
  return t.app.get(SecretBox).decrypt(row.encrypted_token, `credential:${credentialId}`);
}

/** Asks the fake Facebook itself whether a token still works. */
async function validAtFacebook(token: string): Promise<boolean> {
  const url = new URL(`${fb.graphUrl}/debug_token`);
  url.searchParams.set('input_token', token);
  url.searchParams.set('access_token', `${fb.appId}|${fb.appSecret}`);
  const body = (await (await fetch(url)).json()) as { data: { is_valid: boolean } };
  return body.data.is_valid;
}

async function unlink(organizationId: string, credentialId: number) {
  const res = await call(t.app, 'DELETE', `/v1/organizations/${organizationId}/credentials/${credentialId}`, { token: owner.token });
  assert.equal(res.status, 200, res.text);
  return res;
}

/** Stored credential events of one type (`credential.revoked`...), in the order they were written. */
async function events(
  type: string,
  aggregateId?: number,
): Promise<{ aggregate_id: string; organization_id: string; data: Record<string, unknown> }[]> {
  return t.dataSource.query(
    `SELECT aggregate_id, organization_id, data FROM events WHERE type = $1 ${aggregateId === undefined ? '' : 'AND aggregate_id = $2'} ORDER BY insert_order`,
    aggregateId === undefined ? [`tech.entropy.${type}`] : [`tech.entropy.${type}`, String(aggregateId)],
  );
}

function form(fields: Record<string, string>) {
  return { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

function forged(payload: Record<string, unknown>): string {
  const encoded = Buffer.from(JSON.stringify({ algorithm: 'HMAC-SHA256', ...payload })).toString('base64url');
  return `${createHmac('sha256', 'not-the-app-secret').update(encoded).digest('base64url')}.${encoded}`;
}

before(async () => {
  fb = await startFakeFacebook();
  for (const user of USERS) fb.addUser(user);
  t = await startTestApp({
    ...fb.env(),
    FACEBOOK_LINK_REDIRECT_URI: REDIRECT,
    ENCRYPTION_KEYS: [NEW_KEY, OLD_KEY].map((k) => `${k.id}:${k.key.toString('base64')}`).join(','),
  });
  t.app.get(FacebookGraphOptions).timeoutMs = TIMEOUT_MS;
  job = t.app.get(CredentialLifecycleJob);
  revocations = t.app.get(FacebookRevocationQueue);
  owner = await t.user('owner@example.com');
});
after(async () => {
  await t?.close();
  await fb?.close();
});
beforeEach(async () => {
  await revocations.settled();
  remember();
  fb.reset();
});

describe('unlinking revokes at Facebook, best effort', () => {
  test('revokes with the stored token and appsecret_proof, and records it', async () => {
    const org = await createOrg('Revoke Org');
    const id = await link(org, USERS[0].id);
    const token = await storedToken(id);
    await unlink(org, id);
    await revocations.settled();
    const revoke = fb.calls.find((c) => c.method === 'DELETE');
    assert.ok(revoke, 'DELETE /{user-id}/permissions was called');
    assert.match(revoke.path, new RegExp(`/${USERS[0].id}/permissions$`));
    assert.equal(revoke.headers.authorization, `Bearer ${token}`);
    assert.equal(revoke.query.appsecret_proof, createHmac('sha256', fb.appSecret).update(token).digest('hex'));
    assert.equal(await validAtFacebook(token), false);
    const [row] = await t.dataSource.query(
      'SELECT status, attempts, encrypted_token, done_at FROM facebook_revocations WHERE facebook_user_id = $1',
      [USERS[0].id],
    );
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 1);
    assert.equal(row.encrypted_token, null);
    assert.ok(row.done_at);
  });

  test('Facebook failing never blocks the unlink; the scheduled job retries the revocation later', async () => {
    const org = await createOrg('Flaky Org');
    const id = await link(org, USERS[1].id);
    const token = await storedToken(id);
    fb.failNext({ path: /\/permissions$/, method: 'DELETE', status: 500 });
    await unlink(org, id);
    await revocations.settled();
    assert.equal((await call(t.app, 'GET', `/v1/organizations/${org}/credentials/${id}`, { token: owner.token })).status, 404);
    const [pending] = await t.dataSource.query(
      `SELECT id, status, attempts, last_error, encrypted_token, next_attempt_at > now() AS later FROM facebook_revocations WHERE facebook_user_id = $1`,
      [USERS[1].id],
    );
    assert.equal(pending.status, 'pending');
    assert.equal(pending.attempts, 1);
    assert.match(pending.last_error, /HTTP 500/);
    assert.match(pending.encrypted_token, /^v1\.k2026\./);
    assert.equal(pending.later, true, 'retried after a backoff');
    assert.equal(await validAtFacebook(token), true);

    assert.equal((await job.runOnce()).revocations.done, 0, 'not due yet');
    await t.dataSource.query('UPDATE facebook_revocations SET next_attempt_at = now() WHERE id = $1', [pending.id]);
    const run = await job.runOnce();
    assert.equal(run.ran, true);
    assert.equal(run.revocations.done, 1);
    const [done] = await t.dataSource.query('SELECT status, attempts, encrypted_token FROM facebook_revocations WHERE id = $1', [
      pending.id,
    ]);
    assert.deepEqual(done, { status: 'done', attempts: 2, encrypted_token: null });
    assert.equal(await validAtFacebook(token), false);
  });

  test('a slow Facebook does not slow the unlink down', async () => {
    const org = await createOrg('Slow Org');
    const id = await link(org, USERS[2].id);
    fb.delayNext({ path: /\/permissions$/, method: 'DELETE', ms: TIMEOUT_MS * 3 });
    await unlink(org, id);
    // Had the unlink waited for Facebook, the timed-out attempt would already be recorded.
    const [during] = await t.dataSource.query('SELECT status, last_error FROM facebook_revocations WHERE facebook_user_id = $1', [
      USERS[2].id,
    ]);
    assert.deepEqual(during, { status: 'pending', last_error: null }, 'the unlink answered before Facebook did');
    await revocations.settled();
    const [row] = await t.dataSource.query('SELECT status, last_error FROM facebook_revocations WHERE facebook_user_id = $1', [
      USERS[2].id,
    ]);
    assert.equal(row.status, 'pending');
    assert.match(row.last_error, /no answer within/);
  });

  test('a revocation Facebook refuses is recorded as rejected; one failing too often is given up', async () => {
    const org = await createOrg('Refused Org');
    const refused = await link(org, USERS[3].id);
    fb.failNext({
      path: /\/permissions$/,
      method: 'DELETE',
      status: 400,
      body: { error: { message: '(#200) Permissions error', type: 'OAuthException', code: 200 } },
    });
    await unlink(org, refused);
    await revocations.settled();
    const [row] = await t.dataSource.query(
      'SELECT status, last_error, encrypted_token FROM facebook_revocations WHERE facebook_user_id = $1',
      [USERS[3].id],
    );
    assert.deepEqual(row, {
      status: 'rejected',
      last_error: 'Facebook rejected the request: (#200) Permissions error',
      encrypted_token: null,
    });

    const failing = await link(org, USERS[4].id);
    fb.failNext({ path: /\/permissions$/, method: 'DELETE', status: 503, times: 2 });
    await unlink(org, failing);
    await revocations.settled();
    await t.dataSource.query('UPDATE facebook_revocations SET attempts = $2, next_attempt_at = now() WHERE facebook_user_id = $1', [
      USERS[4].id,
      MAX_REVOCATION_ATTEMPTS - 1,
    ]);
    assert.equal((await job.runOnce()).revocations.failed, 1);
    const [gaveUp] = await t.dataSource.query('SELECT status, encrypted_token FROM facebook_revocations WHERE facebook_user_id = $1', [
      USERS[4].id,
    ]);
    assert.deepEqual(gaveUp, { status: 'failed', encrypted_token: null });
  });

  test('no revocation while another organization still uses that Facebook account', async () => {
    const a = await createOrg('Shared A');
    const b = await createOrg('Shared B');
    const inA = await link(a, USERS[5].id);
    const inB = await link(b, USERS[5].id);
    await unlink(a, inA);
    await revocations.settled();
    assert.equal(
      fb.calls.some((c) => c.method === 'DELETE'),
      false,
    );
    assert.equal((await t.dataSource.query('SELECT 1 FROM facebook_revocations WHERE facebook_user_id = $1', [USERS[5].id])).length, 0);
    const [unlinked] = await events('credential.unlinked', inA);
    assert.deepEqual(
      unlinked.data,
      { credential_id: inA, facebook_user_id: USERS[5].id, reason: 'unlinked' },
      'nothing about the other organization',
    );
    assert.equal(await validAtFacebook(await storedToken(inB)), true);
  });

  test('deleting an organization unlinks its credentials in the same transaction and queues their revocation', async () => {
    const org = await createOrg('Doomed Org');
    const ids = [await link(org, USERS[6].id), await link(org, USERS[7].id)];
    const tokens = await Promise.all(ids.map(storedToken));
    const res = await call(t.app, 'DELETE', `/v1/organizations/${org}`, { token: owner.token });
    assert.equal(res.status, 204, res.text);
    assert.equal((await t.dataSource.query('SELECT 1 FROM credentials WHERE id = ANY($1)', [ids])).length, 0);
    for (const id of ids) {
      const [event] = await events('credential.unlinked', id);
      assert.equal(event.organization_id, org);
      assert.deepEqual(event.data, { credential_id: id, facebook_user_id: event.data.facebook_user_id, reason: 'organization_deleted' });
    }
    const queued = await t.dataSource.query(`SELECT status FROM facebook_revocations WHERE facebook_user_id = ANY($1)`, [
      [USERS[6].id, USERS[7].id],
    ]);
    assert.deepEqual(
      queued.map((r: { status: string }) => r.status),
      ['pending', 'pending'],
    );
    assert.ok((await job.runOnce()).revocations.done >= 2);
    for (const token of tokens) assert.equal(await validAtFacebook(token), false);
  });
});

describe('a queued revocation never fires once that Facebook account is linked again', () => {
  /** Unlinks with Facebook failing, so the revocation stays pending; returns its row id. */
  async function pendingRevocation(organizationId: string, credentialId: number, facebookUserId: string): Promise<number> {
    fb.failNext({ path: /\/permissions$/, method: 'DELETE', status: 500 });
    await unlink(organizationId, credentialId);
    await revocations.settled();
    const rows = await t.dataSource.query(`SELECT id FROM facebook_revocations WHERE facebook_user_id = $1 AND status = 'pending'`, [
      facebookUserId,
    ]);
    assert.equal(rows.length, 1);
    return rows[0].id;
  }

  async function revocation(id: number) {
    const [row] = await t.dataSource.query('SELECT status, encrypted_token, last_error FROM facebook_revocations WHERE id = $1', [id]);
    return row as { status: string; encrypted_token: string | null; last_error: string | null };
  }

  test('linking the account again, in another organization, cancels it in the same transaction', async () => {
    const person = USERS[6];
    const first = await createOrg('Relinked A');
    const queued = await pendingRevocation(first, await link(first, person.id), person.id);
    const again = await link(await createOrg('Relinked B'), person.id);
    const row = await revocation(queued);
    assert.equal(row.status, 'cancelled');
    assert.equal(row.encrypted_token, null);
    assert.match(row.last_error!, /linked again/);

    await t.dataSource.query('UPDATE facebook_revocations SET next_attempt_at = now() WHERE id = $1', [queued]);
    fb.reset();
    await job.runOnce();
    assert.equal(
      fb.calls.some((c) => c.method === 'DELETE'),
      false,
    );
    assert.equal(await validAtFacebook(await storedToken(again)), true);
  });

  test('re-linking a credential of that account cancels it too', async () => {
    const person = USERS[7];
    const kept = await createOrg('Kept Org');
    const keptId = await link(kept, person.id);
    const left = await createOrg('Left Org');
    const leftId = await link(left, person.id);
    // Expired here, so unlinking there queues a revocation (no active credential of that account is left).
    await t.dataSource.query(`UPDATE credentials SET status = 'expired', encrypted_token = NULL WHERE id = $1`, [keptId]);
    const queued = await pendingRevocation(left, leftId, person.id);
    const started = await call(t.app, 'POST', `/v1/organizations/${kept}/credentials/authorize`, {
      token: owner.token,
      body: { credential_id: keptId },
    });
    const code = fb.issueCode({ userId: person.id, redirectUri: REDIRECT, scopes: ['public_profile'] });
    const relinked = await call(t.app, 'PUT', `/v1/organizations/${kept}/credentials/${keptId}`, {
      token: owner.token,
      body: { code, state: started.body.state },
    });
    assert.equal(relinked.status, 200, relinked.text);
    assert.deepEqual(
      { ...(await revocation(queued)), last_error: undefined },
      { status: 'cancelled', encrypted_token: null, last_error: undefined },
    );
  });

  test('an attempt looks again just before calling Facebook: an active credential of that account cancels it', async () => {
    const person = USERS[8];
    const org = await createOrg('Late Link Org');
    const queued = await pendingRevocation(org, await link(org, person.id), person.id);
    // A link that committed while this revocation was already claimed (so it could not cancel it).
    await t.dataSource.query(
      `INSERT INTO credentials (organization_id, facebook_user_id, name, status, created_by) VALUES ($1, $2, $3, 'active', 'user:1')`,
      [await createOrg('Elsewhere Org'), person.id, person.name],
    );
    await t.dataSource.query('UPDATE facebook_revocations SET next_attempt_at = now() WHERE id = $1', [queued]);
    fb.reset();
    const run = await job.runOnce();
    assert.equal(run.revocations.cancelled, 1);
    assert.equal(run.revocations.done, 0);
    assert.equal(
      fb.calls.some((c) => c.method === 'DELETE'),
      false,
      'Facebook is not asked to revoke',
    );
    const row = await revocation(queued);
    assert.deepEqual({ status: row.status, erased: row.encrypted_token === null }, { status: 'cancelled', erased: true });
    await t.dataSource.query('DELETE FROM credentials WHERE facebook_user_id = $1 AND encrypted_token IS NULL', [person.id]);
  });
});

describe("Facebook's platform callbacks", () => {
  test('deauthorize (form-encoded signed_request) revokes that account everywhere, once', async () => {
    const a = await createOrg('Deauth A');
    const b = await createOrg('Deauth B');
    const ids = [await link(a, USERS[8].id), await link(b, USERS[8].id)];
    const other = await link(a, USERS[9].id);

    const forgedRes = await call(t.app, 'POST', '/v1/facebook/deauthorize', form({ signed_request: forged({ user_id: USERS[8].id }) }));
    assert.equal(forgedRes.status, 400, forgedRes.text);
    assert.equal(forgedRes.body.code, 'FACEBOOK.INVALID_SIGNED_REQUEST');
    const garbage = await call(t.app, 'POST', '/v1/facebook/deauthorize', form({ signed_request: 'abc' }));
    assert.equal(garbage.status, 400);
    assert.equal((await call(t.app, 'POST', '/v1/facebook/deauthorize', form({}))).status, 400);
    const statuses = async () =>
      (await t.dataSource.query('SELECT status FROM credentials WHERE id = ANY($1) ORDER BY id', [ids])).map(
        (r: { status: string }) => r.status,
      );
    assert.deepEqual(await statuses(), ['active', 'active']);

    const signed = fb.signedRequest({ user_id: USERS[8].id });
    const res = await call(t.app, 'POST', '/v1/facebook/deauthorize', form({ signed_request: signed }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { success: true });
    assert.deepEqual(await statuses(), ['revoked', 'revoked']);
    const tokens = await t.dataSource.query('SELECT encrypted_token FROM credentials WHERE id = ANY($1)', [ids]);
    assert.ok(tokens.every((r: { encrypted_token: string | null }) => r.encrypted_token === null));
    const revoked = await events('credential.revoked');
    assert.deepEqual(
      revoked.filter((e) => ids.map(String).includes(e.aggregate_id)).map((e) => e.data.reason),
      ['deauthorized', 'deauthorized'],
    );
    assert.equal((await t.dataSource.query('SELECT status FROM credentials WHERE id = $1', [other]))[0].status, 'active');

    const again = await call(t.app, 'POST', '/v1/facebook/deauthorize', { body: { signed_request: signed } });
    assert.equal(again.status, 200);
    assert.equal((await events('credential.revoked')).length, revoked.length, 'no second event');
    const listed = await call(t.app, 'GET', `/v1/organizations/${a}/credentials/${ids[0]}`, { token: owner.token });
    assert.equal(listed.body.status, 'revoked');
  });

  test("data deletion erases the account's credentials and data, answers url + confirmation_code, and reports status", async () => {
    const a = await createOrg('Erase A');
    const b = await createOrg('Erase B');
    const ids = [await link(a, USERS[10].id), await link(b, USERS[10].id)];
    assert.equal(
      (await call(t.app, 'POST', '/v1/facebook/data-deletion', form({ signed_request: forged({ user_id: USERS[10].id }) }))).status,
      400,
    );
    assert.equal((await t.dataSource.query('SELECT 1 FROM credentials WHERE id = ANY($1)', [ids])).length, 2);

    const res = await call(
      t.app,
      'POST',
      '/v1/facebook/data-deletion',
      form({ signed_request: fb.signedRequest({ user_id: USERS[10].id }) }),
    );
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.body).sort(), ['confirmation_code', 'url']);
    assert.match(res.body.confirmation_code, /^[0-9a-f]{24}$/);
    assert.equal(res.body.url, `http://api.test/v1/facebook/data-deletion/${res.body.confirmation_code}`);
    assert.equal((await t.dataSource.query('SELECT 1 FROM credentials WHERE facebook_user_id = $1', [USERS[10].id])).length, 0);
    assert.equal((await t.dataSource.query('SELECT 1 FROM facebook_revocations WHERE facebook_user_id = $1', [USERS[10].id])).length, 0);
    const revoked = (await events('credential.revoked')).filter((e) => ids.map(String).includes(e.aggregate_id));
    assert.deepEqual(
      revoked.map((e) => e.data.reason),
      ['data_deletion', 'data_deletion'],
    );
    const [dump] = await t.dataSource.query(
      `SELECT (SELECT coalesce(string_agg(row_to_json(c)::text, ''), '') FROM credentials c) || (SELECT coalesce(string_agg(row_to_json(d)::text, ''), '') FROM facebook_data_deletions d) AS text`,
    );
    assert.equal(dump.text.includes(USERS[10].name), false);
    assert.equal(dump.text.includes(USERS[10].id), false);

    const status = await call(t.app, 'GET', new URL(res.body.url).pathname);
    assert.equal(status.status, 200, status.text);
    assert.equal(status.body.confirmation_code, res.body.confirmation_code);
    assert.equal(status.body.status, 'completed');
    assert.equal(status.body.credentials_erased, 2);
    assert.ok(status.body.completed_at);
    for (const code of ['0123456789abcdef01234567', 'nope']) {
      const missing = await call(t.app, 'GET', `/v1/facebook/data-deletion/${code}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'FACEBOOK.DATA_DELETION_NOT_FOUND');
    }
  });
});

describe('the scheduled expiry check', () => {
  test('marks credentials whose expiry passed, or that Facebook invalidated, as expired with CredentialExpired', async () => {
    const org = await createOrg('Expiry Org');
    const lapsed = await link(org, USERS[11].id);
    const invalidated = await link(org, USERS[0].id);
    const fine = await link(org, USERS[1].id);
    await t.dataSource.query(`UPDATE credentials SET expires_at = now() - interval '1 minute' WHERE id = $1`, [lapsed]);
    fb.invalidateUserTokens(USERS[0].id);
    await t.dataSource.query('UPDATE credentials SET checked_at = NULL WHERE id = ANY($1)', [[invalidated, fine]]);

    const run = await job.runOnce();
    assert.equal(run.ran, true);
    assert.equal(run.expired, 1);
    assert.equal(run.invalidated, 1);
    assert.ok(run.checked >= 2);
    const rows = await t.dataSource.query(
      'SELECT id, status, encrypted_token IS NULL AS erased, checked_at IS NOT NULL AS checked FROM credentials WHERE id = ANY($1) ORDER BY id',
      [[lapsed, invalidated, fine]],
    );
    assert.deepEqual(rows, [
      { id: lapsed, status: 'expired', erased: true, checked: true },
      { id: invalidated, status: 'expired', erased: true, checked: true },
      { id: fine, status: 'active', erased: false, checked: true },
    ]);
    assert.deepEqual(
      (await events('credential.expired', lapsed)).map((e) => e.data.reason),
      ['expired'],
    );
    assert.deepEqual(
      (await events('credential.expired', invalidated)).map((e) => e.data.reason),
      ['invalidated'],
    );
    assert.equal((await events('credential.expired', fine)).length, 0);
    assert.equal((await job.runOnce()).expired, 0, 'only once');

    // An expired credential is re-linked with a fresh authorization.
    const started = await call(t.app, 'POST', `/v1/organizations/${org}/credentials/authorize`, {
      token: owner.token,
      body: { credential_id: lapsed },
    });
    const code = fb.issueCode({ userId: USERS[11].id, redirectUri: REDIRECT });
    const relinked = await call(t.app, 'PUT', `/v1/organizations/${org}/credentials/${lapsed}`, {
      token: owner.token,
      body: { code, state: started.body.state },
    });
    assert.equal(relinked.status, 200, relinked.text);
    assert.equal(relinked.body.status, 'active');
  });

  test('is skipped while another session holds the advisory lock', { skip: NEEDS_POSTGRES }, async () => {
    const org = await createOrg('Locked Org');
    const id = await link(org, USERS[9].id);
    await t.dataSource.query(`UPDATE credentials SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [CREDENTIAL_LIFECYCLE_LOCK]);
      const skipped = await job.runOnce();
      assert.equal(skipped.ran, false);
      assert.equal((await t.dataSource.query('SELECT status FROM credentials WHERE id = $1', [id]))[0].status, 'active');
      await other.query('SELECT pg_advisory_unlock($1)', [CREDENTIAL_LIFECYCLE_LOCK]);
      const ran = await job.runOnce();
      assert.equal(ran.ran, true);
      assert.equal(ran.expired, 1);
    } finally {
      await other.end();
    }
  });

  test('runs on an interval registered with the scheduler', () => {
    assert.ok(t.app.get(SchedulerRegistry).getIntervals().includes('credential-lifecycle'));
  });

  test('two runs at once in one process: the second is skipped', async () => {
    const [first, second] = await Promise.all([job.runOnce(), job.runOnce()]);
    assert.equal(first.ran, true);
    assert.equal(second.ran, false);
  });
});

describe('secrets at rest', () => {
  test('keys:rotate re-encrypts every stored token under the first key', async () => {
    const org = await createOrg('Rotation Org');
    const id = await link(org, USERS[2].id);
    const token = await storedToken(id);
    const old = new SecretBox([OLD_KEY]);
    await t.dataSource.query('UPDATE credentials SET encrypted_token = $2 WHERE id = $1', [id, old.encrypt(token, `credential:${id}`)]);
    // A full batch of values already under the current key comes first: the walk goes on past it.
    const current = new SecretBox([NEW_KEY]);
    const settled: number[] = (
      await t.dataSource.query(
        `INSERT INTO facebook_revocations (facebook_user_id, status) SELECT '1', 'cancelled' FROM generate_series(1, 200) RETURNING id`,
      )
    ).map((row: { id: number }) => row.id);
    await t.dataSource.query(
      'UPDATE facebook_revocations r SET encrypted_token = v.token FROM unnest($1::int[], $2::text[]) AS v(id, token) WHERE r.id = v.id',
      [settled, settled.map((settledId) => current.encrypt('settled-token', `facebook-revocation:${settledId}`))],
    );
    const [{ id: queuedId }] = await t.dataSource.query(
      `INSERT INTO facebook_revocations (facebook_user_id, status, next_attempt_at) VALUES ('1', 'pending', now() + interval '1 day') RETURNING id`,
    );
    await t.dataSource.query('UPDATE facebook_revocations SET encrypted_token = $2 WHERE id = $1', [
      queuedId,
      old.encrypt('queued-token', `facebook-revocation:${queuedId}`),
    ]);
    assert.equal(await storedToken(id), token, 'old keys still decrypt');

    const bus = t.app.get(CommandBus);
    const result = await bus.execute(new RotateEncryptionKeysCommand());
    assert.ok(result.rotated >= 2);
    const sealed: { encrypted_token: string }[] = await t.dataSource.query(
      `SELECT encrypted_token FROM credentials WHERE encrypted_token IS NOT NULL
       UNION ALL SELECT encrypted_token FROM facebook_revocations WHERE encrypted_token IS NOT NULL`,
    );
    assert.ok(sealed.length >= 2);
    assert.ok(sealed.every((r) => r.encrypted_token.startsWith('v1.k2026.')));
    const onlyNew = new SecretBox([NEW_KEY]);
    const [row] = await t.dataSource.query('SELECT encrypted_token FROM credentials WHERE id = $1', [id]);
    assert.equal(onlyNew.decrypt(row.encrypted_token, `credential:${id}`), token);
    const [queued] = await t.dataSource.query('SELECT encrypted_token FROM facebook_revocations WHERE id = $1', [queuedId]);
    assert.equal(onlyNew.decrypt(queued.encrypted_token, `facebook-revocation:${queuedId}`), 'queued-token');
    assert.deepEqual(await bus.execute(new RotateEncryptionKeysCommand()), { rotated: 0 });
    await t.dataSource.query('DELETE FROM facebook_revocations WHERE id = ANY($1)', [settled]);
  });

  test('the database holds no Facebook token, code or secret in plain text', async () => {
    remember();
    assert.ok(secretsSeen.size > 20, `saw ${secretsSeen.size} secrets`);
    const tables: { table_name: string }[] = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables) {
      const [row] = await t.dataSource.query(
        `SELECT coalesce(string_agg(row_to_json(x)::text, E'\\n'), '') AS text FROM "${table_name}" x`,
      );
      dump += row.text;
    }
    assert.ok(dump.includes('v1.k2026.'), 'the dump holds the sealed tokens');
    for (const secret of secretsSeen)
      assert.equal(dump.includes(secret), false, `a secret of length ${secret.length} is stored in plain text`);
    assert.equal(dump.includes(fb.appSecret), false);
  });
});
