import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../domain/role.js';

export class ChangeMemberRoleRequestDto {
  @ApiProperty({ enum: ROLES, example: 'admin', description: 'Only owners may promote to owner or change an owner' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}
