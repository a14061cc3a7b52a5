import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../infrastructure/http/validators.js';
import { OrganizationProfileRequestDto } from '../../dto/organization-profile.request.dto.js';

export class CreateOrganizationRequestDto extends OrganizationProfileRequestDto {
  @ApiProperty({ example: 'Fake organization', minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
