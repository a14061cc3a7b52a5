import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredentialAccountMismatchError } from '../../src/credentials/credentials.errors.js';
import { Credential } from '../../src/credentials/domain/credential.entity.js';

const account = { facebookUserId: '10000000001', name: 'Ada Lovelace', scopes: ['public_profile'], expiresAt: new Date('2030-01-01T00:00:00Z') };
const ORG = '00000000-0000-4000-8000-000000000001';

function linked(): Credential {
  const credential = Credential.link(5, ORG, account, 'v1.k.sealed', 'user:1');
  credential.uncommit();
  return credential;
}

test('link applies CredentialLinked without the token or the name', () => {
  const credential = Credential.link(5, ORG, account, 'v1.k.sealed', 'user:1');
  assert.equal(credential.status, 'active');
  const [event] = credential.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialLinked');
  assert.equal(event.aggregateId, '5');
  const payload = event.toPayload();
  assert.deepEqual(Object.keys(payload).sort(), ['expiresAt', 'facebookUserId', 'linkedBy', 'organizationId', 'scopes']);
  assert.equal(JSON.stringify(payload).includes('sealed'), false);
});

test('relink reactivates for the same account only', () => {
  const credential = linked();
  credential.expire('expired');
  credential.uncommit();
  credential.relink({ ...account, name: 'Ada King', scopes: ['public_profile', 'pages_show_list'] }, 'v1.k.new');
  assert.equal(credential.status, 'active');
  assert.equal(credential.name, 'Ada King');
  assert.equal(credential.encrypted_token, 'v1.k.new');
  const [event] = credential.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialRelinked');
  assert.equal(event.toPayload().previousStatus, 'expired');
  assert.throws(() => credential.relink({ ...account, facebookUserId: '999' }, 'v1.k.other'), CredentialAccountMismatchError);
  assert.equal(credential.encrypted_token, 'v1.k.new');
});

test('expire and revoke erase the token and apply their event once', () => {
  const credential = linked();
  assert.equal(credential.expire('invalidated'), true);
  assert.equal(credential.encrypted_token, null);
  assert.equal(credential.expire('expired'), false);
  assert.equal(credential.revoke('deauthorized'), true);
  assert.equal(credential.revoke('deauthorized'), false);
  assert.deepEqual(credential.getUncommittedEvents().map((e) => e.eventName), ['CredentialExpired', 'CredentialRevoked']);
  assert.equal(credential.status, 'revoked');
});

test('unlink erases the token and says whether a revocation was queued', () => {
  const credential = linked();
  credential.unlink('unlinked', true);
  assert.equal(credential.encrypted_token, null);
  const [event] = credential.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialUnlinked');
  assert.deepEqual(event.toPayload(), { organizationId: ORG, facebookUserId: '10000000001', reason: 'unlinked', revokeQueued: true });
});

test('a revocation for a data deletion request does not name the Facebook account in its event', () => {
  const erased = linked();
  assert.equal(erased.revoke('data_deletion'), true);
  const [event] = erased.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialRevoked');
  assert.deepEqual(event.toPayload(), { organizationId: ORG, facebookUserId: null, reason: 'data_deletion' });
  assert.equal(JSON.stringify(event).includes(account.facebookUserId), false);

  const deauthorized = linked();
  deauthorized.revoke('deauthorized');
  assert.equal(deauthorized.getUncommittedEvents()[0].toPayload().facebookUserId, account.facebookUserId);
});
