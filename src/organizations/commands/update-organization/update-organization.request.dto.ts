import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { IsDateTime, Trim } from '../../../infrastructure/http/validators.js';
import { OrganizationProfileRequestDto } from '../../dto/organization-profile.request.dto.js';

export class UpdateOrganizationRequestDto extends OrganizationProfileRequestDto {
  @ApiPropertyOptional({ example: 'Example Organization', minLength: 1, maxLength: 200 })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.name !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Alias of photo_url (Credly seed)', nullable: true, type: String, format: 'uri', example: 'https://cdn.example.com/logo.png' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'photo must be an http(s) URL' })
  @MaxLength(2048)
  photo?: string | null;

  @ApiPropertyOptional({ description: 'Platform admins only', example: true })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.verified !== undefined)
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Platform admins only', nullable: true, type: String, format: 'date-time', example: '2026-01-15T09:30:00Z' })
  @IsOptional()
  @IsDateTime()
  verified_at?: string | null;
}
