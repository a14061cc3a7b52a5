import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { OrganizationProfileRequestDto } from '../../dto/organization-profile.request.dto.js';

export class UpdateOrganizationRequestDto extends OrganizationProfileRequestDto {
  @ApiPropertyOptional({ example: 'Example Organization', minLength: 1, maxLength: 200 })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.name !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Alias of photo_url (Credly seed)', nullable: true, type: String, format: 'uri' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'photo must be an http(s) URL' })
  @MaxLength(2048)
  photo?: string | null;

  @ApiPropertyOptional({ description: 'Platform admins only' })
  @ValidateIf((dto: UpdateOrganizationRequestDto) => dto.verified !== undefined)
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Platform admins only', nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'verified_at must be an ISO 8601 date-time' })
  verified_at?: Date | null;
}
