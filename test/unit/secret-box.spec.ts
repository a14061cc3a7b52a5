import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { developmentKeys, SecretBox, SecretBoxError } from '../../src/infrastructure/security/secret-box.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
const TOKEN = 'EAAfaketoken1234567890';

test('round trip: the value names its key, is not the plaintext, and differs every time (random IV)', () => {
  const box = new SecretBox([key('k1')]);
  const a = box.encrypt(TOKEN, 'credential:1');
  const b = box.encrypt(TOKEN, 'credential:1');
  assert.notEqual(a, b);
  assert.match(a, /^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
  assert.equal(a.includes(TOKEN), false);
  assert.equal(Buffer.from(a.split('.')[4], 'base64url').includes(Buffer.from(TOKEN)), false);
  assert.equal(box.decrypt(a, 'credential:1'), TOKEN);
  assert.equal(box.keyIdOf(a), 'k1');
});

test('a tampered ciphertext, tag or IV fails to open', () => {
  const box = new SecretBox([key('k1')]);
  const sealed = box.encrypt(TOKEN, 'credential:1');
  const parts = sealed.split('.');
  for (const index of [2, 3, 4]) {
    const bytes = Buffer.from(parts[index], 'base64url');
    bytes[0] ^= 0x01;
    const altered = [...parts];
    altered[index] = bytes.toString('base64url');
    assert.throws(() => box.decrypt(altered.join('.'), 'credential:1'), SecretBoxError, `part ${index}`);
  }
  assert.throws(() => box.decrypt('not-sealed', 'credential:1'), SecretBoxError);
  assert.throws(() => box.decrypt(sealed.replace(/^v1/, 'v9'), 'credential:1'), SecretBoxError);
});

test('the identity is authenticated: a value moved to another row does not open', () => {
  const box = new SecretBox([key('k1')]);
  const sealed = box.encrypt(TOKEN, 'credential:1');
  assert.throws(() => box.decrypt(sealed, 'credential:2'), /does not authenticate/);
  assert.throws(() => box.decrypt(sealed, 'facebook-revocation:1'), SecretBoxError);
});

test('rotation: the first key encrypts, every key decrypts, reseal moves old values to the first key', () => {
  const oldKey = key('old');
  const newKey = key('new');
  const before = new SecretBox([oldKey]);
  const sealedOld = before.encrypt(TOKEN, 'credential:7');

  const during = new SecretBox([newKey, oldKey]);
  assert.equal(during.currentKeyId, 'new');
  assert.equal(during.decrypt(sealedOld, 'credential:7'), TOKEN);
  assert.match(during.encrypt(TOKEN, 'credential:7'), /^v1\.new\./);
  const resealed = during.reseal(sealedOld, 'credential:7');
  assert.equal(during.keyIdOf(resealed), 'new');

  const after = new SecretBox([newKey]);
  assert.equal(after.decrypt(resealed, 'credential:7'), TOKEN);
  assert.throws(() => after.decrypt(sealedOld, 'credential:7'), /key id "old", which ENCRYPTION_KEYS does not hold/);
});

test('keys are checked: 32 bytes, sane ids, at least one', () => {
  assert.throws(() => new SecretBox([]), SecretBoxError);
  assert.throws(() => new SecretBox([{ id: 'short', key: randomBytes(16) }]), /32 bytes/);
  assert.throws(() => new SecretBox([{ id: 'has.dot', key: randomBytes(32) }]), /Key id/);
});

test('development key: generated once into DATA_DIR with mode 0600, then reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entropy-keys-'));
  try {
    const first = developmentKeys(join(dir, 'nested'));
    assert.equal(first.created, true);
    assert.equal(first.keys.length, 1);
    assert.equal(first.keys[0].key.length, 32);
    assert.equal(statSync(first.path).mode & 0o777, 0o600);
    const second = developmentKeys(join(dir, 'nested'));
    assert.equal(second.created, false);
    assert.deepEqual(second.keys, first.keys);
    const stored = JSON.parse(readFileSync(first.path, 'utf8'));
    assert.equal(stored.keys[0].id, first.keys[0].id);
    const box = new SecretBox(second.keys);
    assert.equal(box.decrypt(new SecretBox(first.keys).encrypt(TOKEN, 'x'), 'x'), TOKEN);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
