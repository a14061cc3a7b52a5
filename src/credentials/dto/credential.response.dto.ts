import { ApiProperty } from '@nestjs/swagger';
import type { CredentialStatus } from '../domain/credential.entity.js';

export class CredentialResponseDto {
  @ApiProperty({ type: 'integer', example: 1 }) id: number;
  @ApiProperty({ example: 'Ada Lovelace', description: "The Facebook account's name" }) name: string;
  @ApiProperty({ example: '10000000001' }) facebook_user_id: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status: CredentialStatus;
  @ApiProperty({ type: [String], example: ['public_profile', 'pages_show_list'] }) scopes: string[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the Facebook token expires; null if it does not' })
  expires_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class AuthorizationResponseDto {
  @ApiProperty({ description: 'Single-use, valid 10 minutes; Facebook hands it back to the redirect URI' }) state: string;
  @ApiProperty({
    example: 'https://www.facebook.com/v25.0/dialog/oauth?client_id=...&redirect_uri=...&state=...&scope=...&response_type=code',
  })
  authorization_url: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}

export class DataDeletionResponseDto {
  @ApiProperty({ example: 'http://localhost:3000/v1/facebook/data-deletion/3f9c0d...' }) url: string;
  @ApiProperty({ example: '3f9c0d2a7b1e4c5d8e9f0a1b' }) confirmation_code: string;
}

export class DataDeletionStatusResponseDto {
  @ApiProperty() confirmation_code: string;
  @ApiProperty({ enum: ['completed'] }) status: 'completed';
  @ApiProperty({ type: 'integer', example: 2, description: 'Credentials of that Facebook account that were erased' })
  credentials_erased: number;
  @ApiProperty({ format: 'date-time' }) requested_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completed_at: string | null;
}

export class CallbackAcknowledgedDto {
  @ApiProperty({ example: true }) success: boolean;
}

/** Columns the query side selects; never the token. */
export const CREDENTIAL_COLUMNS = 'c.id, c.name, c.facebook_user_id, c.status, c.scopes, c.expires_at, c.created_at, c.updated_at';

export interface CredentialRow {
  id: number;
  name: string;
  facebook_user_id: string;
  status: CredentialStatus;
  scopes: string[];
  expires_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Whitelists the wire fields (an entity or a row): the token never gets through. */
export function toCredentialResponse(row: CredentialRow): CredentialResponseDto {
  return {
    id: row.id,
    name: row.name,
    facebook_user_id: row.facebook_user_id,
    status: row.status,
    scopes: [...row.scopes],
    expires_at: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}
