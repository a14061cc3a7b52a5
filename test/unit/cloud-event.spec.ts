import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CloudEvent } from 'cloudevents';
import { formatSequence, routingKey, toCloudEvent, type StoredEvent } from '../../src/infrastructure/events/cloud-event.js';

const ORG = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

function row(overrides: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id: '6f1c0b9e-3f0a-4c8e-9a51-2a8e2c7f4d10',
    type: 'tech.entropy.credential.linked',
    organizationId: ORG,
    aggregateType: 'Credential',
    aggregateId: '7',
    subject: 'credentials/7',
    data: { credential_id: 7, name: 'Carol Page', linked_by: { type: 'user', id: 3 } },
    dataVersion: 1,
    actor: { type: 'user', id: 3 },
    correlationId: 'req-1',
    recordedAt: new Date('2026-12-01T09:59:59.990Z'),
    sequence: '42',
    committedAt: new Date('2026-12-01T10:00:00.000Z'),
    publishedAt: null,
    publishAttempts: 0,
    nextAttemptAt: null,
    lastError: null,
    deadAt: null,
    ...overrides,
  };
}

test("an organization's event is the contract's example, field for field and in its order", () => {
  const json = toCloudEvent(row(), 'https://api.example.com');
  assert.deepEqual(
    Object.entries(json),
    Object.entries({
      specversion: '1.0',
      id: '6f1c0b9e-3f0a-4c8e-9a51-2a8e2c7f4d10',
      source: `https://api.example.com/v1/organizations/${ORG}`,
      type: 'tech.entropy.credential.linked',
      subject: 'credentials/7',
      time: '2026-12-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'https://api.example.com/v1/events/schemas/credential.linked/1',
      organizationid: ORG,
      sequence: '00000000000000000042',
      data: { credential_id: 7, name: 'Carol Page', linked_by: { type: 'user', id: 3 } },
    }),
  );
  assert.equal(new CloudEvent({ ...json }).id, json.id);
  assert.equal(JSON.stringify(json).includes('req-1'), false, "the row's bookkeeping stays out of the envelope");
});

test('a user event has the user as source, no organizationid and no subject when it has none', () => {
  const json = toCloudEvent(
    row({
      type: 'tech.entropy.user.signed_up',
      organizationId: null,
      aggregateType: 'User',
      aggregateId: '5',
      subject: null,
      data: { user_id: 5, via: 'cli' },
    }),
    'http://localhost:3000',
  );
  assert.equal(json.source, 'http://localhost:3000/v1/users/5');
  assert.equal('organizationid' in json, false);
  assert.equal('subject' in json, false);
});

test('an unstamped row, or one without its own id, is refused rather than sent with invented values', () => {
  assert.throws(() => toCloudEvent(row({ sequence: null, committedAt: null }), 'http://x.test'), /not been stamped/);
  assert.throws(() => toCloudEvent(row({ id: '' }), 'http://x.test'), /own id/);
  assert.throws(() => toCloudEvent(row({ type: '' }), 'http://x.test'));
});

test('sequences are 20-digit zero-padded decimals; routing keys drop the prefix', () => {
  assert.equal(formatSequence('9223372036854775807'), '09223372036854775807');
  assert.equal(formatSequence(1n), '00000000000000000001');
  assert.equal(routingKey('tech.entropy.authorization_token.revoked'), 'authorization_token.revoked');
});
