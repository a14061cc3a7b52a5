import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { IsDateTime, Trim } from '../../../infrastructure/http/validators.js';
import type { OrganizationChanges } from '../../domain/organization.entity.js';
import { OrganizationProfileRequestDto } from '../../dto/organization-profile.request.dto.js';

export class UpdateOrganizationRequestDto extends OrganizationProfileRequestDto {
  @ApiPropertyOptional({ example: 'Example Organization', minLength: 1, maxLength: 200 })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.name !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'Alias of photo_url (Credly seed)',
    nullable: true,
    type: String,
    format: 'uri',
    example: 'https://cdn.example.com/logo.png',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'photo must be an http(s) URL' })
  @MaxLength(2048)
  photo?: string | null;

  @ApiPropertyOptional({ description: 'Platform admins only', example: true })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.verified !== undefined)
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({
    description: 'Platform admins only',
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-01-15T09:30:00Z',
  })
  @IsOptional()
  @IsDateTime()
  verified_at?: string | null;
}

/** The changes the body asks for: `photo` is the seed's name of `photo_url`, `verified_at` a Date; absent fields are no change. */
export function toOrganizationChanges(body: UpdateOrganizationRequestDto): OrganizationChanges {
  const { photo, verified_at, ...rest } = body;
  const changes: OrganizationChanges = { ...rest };
  if (photo !== undefined && rest.photo_url === undefined) changes.photo_url = photo;
  if (verified_at !== undefined) changes.verified_at = verified_at === null ? null : new Date(verified_at);
  for (const key of Object.keys(changes) as (keyof OrganizationChanges)[]) {
    if (changes[key] === undefined) delete changes[key];
  }
  return changes;
}
