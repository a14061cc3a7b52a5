import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/principal.js';
import { hashToken, tokenKind } from '../infrastructure/security/opaque-token.js';
import { TokenUsageRecorder } from '../tokens/token-usage.recorder.js';

/** Turns a presented token into a principal with one indexed lookup, or undefined. */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokenUsage: TokenUsageRecorder,
  ) {}

  async resolve(token: string): Promise<Principal | undefined> {
    const kind = tokenKind(token);
    if (kind === 'session') return this.session(hashToken(token));
    if (kind === 'organization') return this.organizationToken(hashToken(token));
    return undefined;
  }

  private async organizationToken(hash: string): Promise<Principal | undefined> {
    const rows: { id: string; organization_id: string; read_enabled: boolean; write_enabled: boolean; delete_enabled: boolean }[] =
      await this.dataSource.query(
        `SELECT id, organization_id, read_enabled, write_enabled, delete_enabled
           FROM authorization_tokens
          WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
        [hash],
      );
    const row = rows[0];
    if (!row) return undefined;
    this.tokenUsage.used(row.id);
    return {
      kind: 'token',
      tokenId: row.id,
      organizationId: row.organization_id,
      read: row.read_enabled,
      write: row.write_enabled,
      delete: row.delete_enabled,
    };
  }

  private async session(hash: string): Promise<Principal | undefined> {
    const rows: { id: string; user_id: number; is_admin: boolean }[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, u.is_admin
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [hash],
    );
    const row = rows[0];
    return row && { kind: 'user', userId: row.user_id, isAdmin: row.is_admin, sessionId: row.id };
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
