import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountHasOtherFacebookError } from '../../src/auth/auth.errors.js';
import { User } from '../../src/auth/domain/user.entity.js';

function saved(props: Parameters<typeof User.create>[0]): User {
  const user = User.create(props);
  user.id = 7;
  return user;
}

test('linkFacebook: attaches the identity with UserFacebookLinked, which names only the user and the provider', () => {
  const user = saved({ email: 'ada@example.com', name: 'Ada' });
  user.linkFacebook('10000000001', 'cli');
  assert.equal(user.facebookUserId, '10000000001');
  const [event, ...rest] = user.getUncommittedEvents();
  assert.equal(rest.length, 0);
  assert.equal(event.eventName, 'UserFacebookLinked');
  assert.equal(event.aggregateId, '7');
  assert.equal(event.type, 'tech.entropy.user.facebook_linked');
  assert.equal(event.organizationId, null);
  assert.deepEqual(event.toData(), { user_id: 7, provider: 'facebook', via: 'cli' });
});

test('linkFacebook: the identity the account already has changes nothing; another one is refused', () => {
  const user = saved({ email: 'grace@example.com', name: 'Grace', facebookUserId: '10000000002' });
  user.linkFacebook('10000000002', 'sign_in');
  assert.equal(user.getUncommittedEvents().length, 0);
  assert.throws(() => user.linkFacebook('10000000003', 'sign_in'), AccountHasOtherFacebookError);
  assert.equal(user.facebookUserId, '10000000002');
  assert.equal(user.getUncommittedEvents().length, 0);
});
