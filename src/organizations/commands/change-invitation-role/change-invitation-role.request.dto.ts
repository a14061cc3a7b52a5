import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../domain/role.js';

export class ChangeInvitationRoleRequestDto {
  @ApiProperty({ enum: ROLES, example: 'admin', description: 'Only owners change an owner invitation or make one' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}
