import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EncryptionKeySpec } from '../config/app.config.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A value that cannot be opened: unknown key, wrong identity, or altered. Never carries the secret. */
export class SecretBoxError extends Error {}

/**
 * Secrets at rest: AES-256-GCM with a random 12-byte IV and a 16-byte tag. The identity of the row
 * holding the value (e.g. `credential:42`) is the additional authenticated data, so a ciphertext
 * copied onto another row does not open. The stored value names its key, so keys can rotate:
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly current: EncryptionKeySpec;

  constructor(keys: EncryptionKeySpec[]) {
    if (keys.length === 0) throw new SecretBoxError('SecretBox needs at least one key');
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new SecretBoxError(`Key id "${id}" must be 1-32 characters of A-Z a-z 0-9 _ -`);
      if (key.length !== KEY_BYTES) throw new SecretBoxError(`Key "${id}" must be exactly ${KEY_BYTES} bytes`);
    }
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
    this.current = keys[0];
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, identity: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(identity, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.current.id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string, identity: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError('Not a sealed value of a known format');
    const [, keyId, iv, tag, ciphertext] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new SecretBoxError(`Sealed with key id "${keyId}", which ENCRYPTION_KEYS does not hold`);
    const ivBytes = Buffer.from(iv, 'base64url');
    const tagBytes = Buffer.from(tag, 'base64url');
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('Sealed value is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(identity, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('Sealed value does not authenticate (altered, or stored under another identity)');
    }
  }

  /** The key id a sealed value names, without opening it. */
  keyIdOf(sealed: string): string | undefined {
    const parts = sealed.split('.');
    return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
  }

  /** Opens with whichever key sealed it and seals again under the current key. */
  reseal(sealed: string, identity: string): string {
    return this.encrypt(this.decrypt(sealed, identity), identity);
  }
}

export const DEVELOPMENT_KEYS_FILE = 'encryption-keys.json';

interface KeyFile {
  keys: { id: string; key: string }[];
}

function readKeyFile(path: string): EncryptionKeySpec[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  return parsed.keys.map(({ id, key }) => ({ id, key: Buffer.from(key, 'base64') }));
}

/**
 * Outside production, without ENCRYPTION_KEYS, a key is generated once into DATA_DIR (mode 0600)
 * and reused on later starts. The file is written aside and hard-linked into place, so two
 * processes starting together agree on one key and nobody reads a half-written file.
 */
export function developmentKeys(dataDir: string): { keys: EncryptionKeySpec[]; path: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DEVELOPMENT_KEYS_FILE);
  try {
    return { keys: readKeyFile(path), path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const file: KeyFile = { keys: [{ id: `dev${randomBytes(3).toString('hex')}`, key: randomBytes(KEY_BYTES).toString('base64') }] };
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(aside, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file)}\n`);
  } finally {
    closeSync(fd);
  }
  let created = true;
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    rmSync(aside, { force: true });
  }
  return { keys: readKeyFile(path), path, created };
}
