import { ApiProperty } from '@nestjs/swagger';

export class UserSummaryDto {
  @ApiProperty({ type: 'integer', example: 1 }) id: number;
  @ApiProperty({ example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ example: 'ada@example.com', nullable: true, type: String }) email: string | null;
}

export class MeResponseDto extends UserSummaryDto {
  @ApiProperty({ description: 'Platform admins may read and manage every organization' }) is_admin: boolean;
}

export class SessionResponseDto {
  @ApiProperty({ example: 'ent_s_...', description: 'Shown once; send as `Authorization: Bearer <token>`' })
  access_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: 'Bearer';
  @ApiProperty({ type: 'integer', example: 2592000, description: 'Seconds until the session expires' }) expires_in: number;
  @ApiProperty({ type: UserSummaryDto }) user: UserSummaryDto;
}
