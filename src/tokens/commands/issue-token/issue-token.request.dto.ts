import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateTime } from '../../../infrastructure/http/validators.js';
import type { TokenGrant } from '../../domain/authorization-token.entity.js';

export class IssueTokenRequestDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'CI pipeline' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ default: true, description: 'May GET' })
  @IsOptional()
  @IsBoolean()
  read_enabled?: boolean;

  @ApiPropertyOptional({ default: false, description: 'May POST, PUT, PATCH' })
  @IsOptional()
  @IsBoolean()
  write_enabled?: boolean;

  @ApiPropertyOptional({ default: false, description: 'May DELETE' })
  @IsOptional()
  @IsBoolean()
  delete_enabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2030-12-31T23:59:59Z',
    description: 'Must be in the future; null or absent: never expires',
  })
  @IsOptional()
  @IsDateTime()
  expires_at?: string | null;
}

/** The grant the body asks for, with the contract's defaults: read only, no description, no expiry. */
export function toTokenGrant(body: IssueTokenRequestDto): TokenGrant {
  return {
    description: body.description ?? null,
    read: body.read_enabled ?? true,
    write: body.write_enabled ?? false,
    delete: body.delete_enabled ?? false,
    expiresAt: body.expires_at ? new Date(body.expires_at) : null,
  };
}
