import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../domain/role.js';

export class AddMemberRequestDto {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'ada@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'member', description: 'Only owners may add owners' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}
