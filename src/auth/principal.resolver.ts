import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/principal.js';
import { hashToken, tokenKind } from '../infrastructure/security/opaque-token.js';
import { TokenUsageRecorder } from '../tokens/token-usage.recorder.js';
import { PrincipalCache } from './principal.cache.js';
import { PreparedReads } from '../infrastructure/database/prepared-reads.js';

/** A principal as read from the database, with how long (ms) its token stays valid if it expires. */
interface Found {
  principal: Principal;
  validForMs: number | undefined;
}

/**
 * Turns a presented token into a principal, or undefined: from the principal cache when it has it
 * (kept exact across replicas by the invalidation triggers), otherwise with one indexed lookup.
 */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly db: PreparedReads,
    private readonly tokenUsage: TokenUsageRecorder,
    private readonly cache: PrincipalCache,
  ) {}

  async resolve(token: string): Promise<Principal | undefined> {
    const kind = tokenKind(token);
    if (!kind) return undefined;
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached) {
      if (cached.kind === 'token') this.tokenUsage.used(cached.tokenId);
      return cached;
    }
    const ticket = this.cache.ticket();
    const found = kind === 'session' ? await this.session(hash) : await this.organizationToken(hash);
    if (!found) return undefined;
    this.cache.set(hash, found.principal, found.validForMs, ticket);
    return found.principal;
  }

  // The remaining validity is computed by the database, so clock skew between hosts cannot stretch it.
  private async organizationToken(hash: string): Promise<Found | undefined> {
    const rows: {
      id: string;
      organization_id: string;
      read_enabled: boolean;
      write_enabled: boolean;
      delete_enabled: boolean;
      valid_for_ms: number | null;
    }[] = await this.db.query(
      `SELECT id, organization_id, read_enabled, write_enabled, delete_enabled,
              (extract(epoch FROM expires_at - now()) * 1000)::float8 AS valid_for_ms
         FROM authorization_tokens
        WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [hash],
    );
    const row = rows[0];
    if (!row) return undefined;
    this.tokenUsage.used(row.id);
    return {
      principal: {
        kind: 'token',
        tokenId: row.id,
        organizationId: row.organization_id,
        read: row.read_enabled,
        write: row.write_enabled,
        delete: row.delete_enabled,
      },
      validForMs: row.valid_for_ms ?? undefined,
    };
  }

  private async session(hash: string): Promise<Found | undefined> {
    const rows: { id: string; user_id: number; is_admin: boolean; valid_for_ms: number }[] = await this.db.query(
      `SELECT s.id, s.user_id, u.is_admin, (extract(epoch FROM s.expires_at - now()) * 1000)::float8 AS valid_for_ms
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [hash],
    );
    const row = rows[0];
    return (
      row && { principal: { kind: 'user', userId: row.user_id, isAdmin: row.is_admin, sessionId: row.id }, validForMs: row.valid_for_ms }
    );
  }
}

/** Bearer <token>, or Credly's Basic base64(<token>:); anything after the credential refuses it. */
export function presentedToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const parts = authorization.trim().split(/\s+/);
  if (parts.length !== 2) return undefined;
  const [scheme, value] = parts;
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    // Credly's scheme: the token is the user name and the password is empty.
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 && colon === decoded.length - 1 ? decoded.slice(0, colon) : undefined;
  }
  return undefined;
}
