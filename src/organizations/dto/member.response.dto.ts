import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/role.js';

export class MemberResponseDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 42, description: 'The user id; null while the membership is pending' })
  id: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ada Lovelace', description: 'null while pending' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'email', example: 'ada@example.com' })
  email: string | null;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ enum: ['active', 'pending'], description: 'pending until someone with this email first signs in' })
  status: 'active' | 'pending';

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  joined_at: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The invitation while pending; null for active members' })
  invitation_id: string | null;
}

/**
 * Selects a member row (`m` = memberships, `u` = users) as the columns toMemberResponse reads.
 * Add OPEN_MEMBERSHIP to the WHERE clause: an expired invitation is no member.
 */
export const MEMBER_COLUMNS = `u.id, u.name, COALESCE(u.email, m.email) AS email, m.role, m.status, m.joined_at, m.invitation_id`;

export interface MemberRow {
  id: number | null;
  name: string | null;
  email: string | null;
  role: Role;
  status: 'active' | 'pending';
  joined_at: Date | string | null;
  invitation_id: string | null;
}

export function toMemberResponse(row: MemberRow): MemberResponseDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    joined_at: row.joined_at ? new Date(row.joined_at).toISOString() : null,
    invitation_id: row.invitation_id,
  };
}

/** Active memberships and invitations that have not expired (`m` = memberships). */
export const OPEN_MEMBERSHIP = `(m.status = 'active' OR m.expires_at > now())`;
