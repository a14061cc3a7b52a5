import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 30; // ~178 bits of entropy
const CHECKSUM_LENGTH = 6;

export const TOKEN_PREFIX = { session: 'ent_s_', organization: 'ent_o_' } as const;
export type TokenKind = keyof typeof TOKEN_PREFIX;

const PATTERN = /^ent_([so])_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/;

function base62(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function checksum(secret: string): string {
  return base62(crc32(secret), CHECKSUM_LENGTH);
}

/**
 * A bearer token as secret scanners like them: a fixed prefix naming its kind, a random body and
 * a CRC32 checksum, so leaked tokens are recognisable and mistyped ones fail without a lookup.
 */
export function generateToken(kind: TokenKind): string {
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += ALPHABET[randomInt(62)];
  return `${TOKEN_PREFIX[kind]}${secret}${checksum(secret)}`;
}

/** The token's kind when its shape and checksum are right, otherwise undefined. */
export function tokenKind(token: string): TokenKind | undefined {
  const match = PATTERN.exec(token);
  if (!match || checksum(match[2]) !== match[3]) return undefined;
  return match[1] === 's' ? 'session' : 'organization';
}

/** Tokens are stored only as this hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
