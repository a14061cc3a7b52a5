import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredentialAccountMismatchError } from '../../src/credentials/credentials.errors.js';
import { Credential } from '../../src/credentials/domain/credential.entity.js';
import type { CredentialUnlinkedEvent } from '../../src/credentials/domain/events/credential-unlinked.event.js';

const account = {
  facebookUserId: '10000000001',
  name: 'Ada Lovelace',
  scopes: ['public_profile'],
  expiresAt: new Date('2030-01-01T00:00:00Z'),
};
const ORG = '00000000-0000-4000-8000-000000000001';

function linked(): Credential {
  const credential = Credential.link(5, ORG, account, 'v1.k.sealed', 'user:1');
  credential.uncommit();
  return credential;
}

test('link applies CredentialLinked with the contract data and without the token', () => {
  const credential = Credential.link(5, ORG, account, 'v1.k.sealed', 'user:1');
  assert.equal(credential.status, 'active');
  const [event] = credential.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialLinked');
  assert.equal(event.aggregateId, '5');
  assert.equal(event.type, 'tech.entropy.credential.linked');
  assert.equal(event.organizationId, ORG);
  assert.equal(event.subject, 'credentials/5');
  const data = event.toData();
  assert.deepEqual(data, {
    credential_id: 5,
    name: 'Ada Lovelace',
    facebook_user_id: '10000000001',
    scopes: ['public_profile'],
    expires_at: '2030-01-01T00:00:00.000Z',
    linked_by: { type: 'user', id: 1 },
  });
  assert.equal(JSON.stringify(data).includes('sealed'), false);
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
  assert.equal(event.toData().previous_status, 'expired');
  assert.equal(event.toData().name, 'Ada King');
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
  assert.deepEqual(
    credential.getUncommittedEvents().map((e) => e.eventName),
    ['CredentialExpired', 'CredentialRevoked'],
  );
  assert.equal(credential.status, 'revoked');
});

test('unlink erases the token; whether a revocation was queued stays in-process (it would tell of other organizations)', () => {
  const credential = linked();
  credential.unlink('unlinked', true);
  assert.equal(credential.encrypted_token, null);
  const [event] = credential.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialUnlinked');
  assert.equal((event as CredentialUnlinkedEvent).revokeQueued, true);
  assert.deepEqual(event.toData(), { credential_id: 5, facebook_user_id: '10000000001', reason: 'unlinked' });
});

test('a revocation for a data deletion request does not name the Facebook account in its event', () => {
  const erased = linked();
  assert.equal(erased.revoke('data_deletion'), true);
  const [event] = erased.getUncommittedEvents();
  assert.equal(event.eventName, 'CredentialRevoked');
  assert.deepEqual(event.toData(), { credential_id: 5, facebook_user_id: null, reason: 'data_deletion' });
  assert.equal(JSON.stringify(event).includes(account.facebookUserId), false);

  const deauthorized = linked();
  deauthorized.revoke('deauthorized');
  assert.equal(deauthorized.getUncommittedEvents()[0].toData().facebook_user_id, account.facebookUserId);
});
