import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateToken, hashToken, tokenKind } from '../../src/infrastructure/security/opaque-token.js';

test('tokens carry their kind prefix and a checksum', () => {
  const session = generateToken('session');
  const organization = generateToken('organization');
  assert.match(session, /^ent_s_[0-9A-Za-z]{36}$/);
  assert.match(organization, /^ent_o_[0-9A-Za-z]{36}$/);
  assert.equal(tokenKind(session), 'session');
  assert.equal(tokenKind(organization), 'organization');
  assert.notEqual(generateToken('session'), session);
});

test('a mistyped token fails its checksum without any lookup', () => {
  const token = generateToken('session');
  for (let i = 6; i < token.length; i++) {
    const swapped = token.slice(0, i) + (token[i] === 'x' ? 'y' : 'x') + token.slice(i + 1);
    assert.equal(tokenKind(swapped), undefined, `position ${i}`);
  }
  assert.equal(tokenKind('ent_x_' + token.slice(6)), undefined);
  assert.equal(tokenKind(''), undefined);
});

test('the stored hash is SHA-256 of the whole token', () => {
  assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
