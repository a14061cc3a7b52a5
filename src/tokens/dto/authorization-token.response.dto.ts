import { ApiProperty } from '@nestjs/swagger';

export class TokenOwnerDto {
  @ApiProperty({ enum: ['Organization'] }) type: 'Organization';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'My fake organization' }) name: string;
  @ApiProperty({ example: 'http://localhost:3000/v1/organizations/00000000-0000-0000-000a-000a000000aa' }) url: string;
}

/** The fields both answers share (Credly's names). */
class AuthorizationTokenFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The organization the token acts for' }) owner_id: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 1,
    description: 'The user who issued it; the token is revoked when they leave or are demoted to member (null once that user is gone)',
  })
  created_by: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'CI pipeline' }) description: string | null;
  @ApiProperty({ description: 'May GET' }) read_enabled: boolean;
  @ApiProperty({ description: 'May POST, PUT, PATCH' }) write_enabled: boolean;
  @ApiProperty({ description: 'May DELETE' }) delete_enabled: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expires_at: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Updated at most once a minute' })
  last_used_at: string | null;
  @ApiProperty({ type: TokenOwnerDto }) owner: TokenOwnerDto;
}

export class AuthorizationTokenResponseDto extends AuthorizationTokenFieldsDto {
  @ApiProperty({ example: 'x7Qa', description: 'The last 4 characters of the token' }) token_hint: string;
}

export class IssuedAuthorizationTokenResponseDto extends AuthorizationTokenFieldsDto {
  @ApiProperty({ example: 'ent_o_...', description: 'The token itself; shown in this answer only, store it now' }) token: string;
}

export interface AuthorizationTokenRow {
  id: string;
  organization_id: string;
  organization_name: string;
  token_hint: string;
  created_by: number | null;
  description: string | null;
  read_enabled: boolean;
  write_enabled: boolean;
  delete_enabled: boolean;
  created_at: Date | string;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Whitelists the wire fields; the token itself and its hash are never part of a row. */
export function toAuthorizationTokenResponse(row: AuthorizationTokenRow, publicUrl: string): AuthorizationTokenResponseDto {
  return {
    id: row.id,
    token_hint: row.token_hint,
    owner_id: row.organization_id,
    created_by: row.created_by,
    description: row.description,
    read_enabled: row.read_enabled,
    write_enabled: row.write_enabled,
    delete_enabled: row.delete_enabled,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at),
    last_used_at: iso(row.last_used_at),
    owner: {
      type: 'Organization',
      id: row.organization_id,
      name: row.organization_name,
      url: `${publicUrl}/v1/organizations/${row.organization_id}`,
    },
  };
}
