import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Organization, slugify } from '../../src/organizations/domain/organization.entity.js';

test('create applies OrganizationCreated with the owner and no secret', () => {
  const organization = Organization.create({ name: '  Acme  ', currency: 'USD' }, 'acme', 7);
  assert.equal(organization.name, 'Acme');
  assert.equal(organization.version, 1);
  const [event] = organization.getUncommittedEvents();
  assert.equal(event.eventName, 'OrganizationCreated');
  assert.equal(event.type, 'tech.entropy.organization.created');
  assert.equal(event.subject, `organizations/${organization.id}`);
  assert.deepEqual(event.toData(), { organization_id: organization.id, name: 'Acme', created_by: { type: 'user', id: 7 } });
});

test('update applies only real changes, bumps the version and names the changed fields', () => {
  const organization = Organization.create({ name: 'Acme', city: 'Paris' }, 'acme', 1);
  organization.uncommit();
  assert.deepEqual(organization.update({ city: 'Paris', name: 'Acme' }), []);
  assert.equal(organization.getUncommittedEvents().length, 0);
  assert.equal(organization.version, 1);
  assert.deepEqual(organization.update({ city: 'Lyon', bio: null, country: 'FR' }), ['city', 'country']);
  assert.equal(organization.version, 2);
  const [event] = organization.getUncommittedEvents();
  assert.deepEqual(event.toData(), { organization_id: organization.id, changed_fields: ['city', 'country'], version: 2 });
});

test('verifying stamps verified_at when none is given', () => {
  const organization = Organization.create({ name: 'Acme' }, 'acme', 1);
  assert.deepEqual(organization.update({ verified: true }), ['verified', 'verified_at']);
  assert.ok(organization.verified_at instanceof Date);
});

test('slugify makes url-safe slugs', () => {
  assert.equal(slugify('Fake organization'), 'fake-organization');
  assert.equal(slugify('  Ça va, Müller & Söhne!  '), 'ca-va-muller-sohne');
  assert.equal(slugify('!!!'), 'organization');
  assert.ok(slugify('a'.repeat(500)).length <= 200);
});
