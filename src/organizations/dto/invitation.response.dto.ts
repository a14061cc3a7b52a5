import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/role.js';
import type { Membership } from '../domain/membership.entity.js';

export class InvitationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email', example: 'ada@example.com' })
  email: string;

  @ApiProperty({ enum: ROLES, description: 'The role the person gets when they take the invitation up' })
  role: Role;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 42,
    description: 'User id of who invited; null when unknown (older invitations, or that user is gone)',
  })
  invited_by: number | null;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time', description: 'After this the invitation is never taken up (INVITATION_TTL_DAYS)' })
  expires_at: string;
}

/** An invitation row: `m` = memberships, pending. */
export const INVITATION_COLUMNS = `m.invitation_id AS id, m.email, m.role, m.invited_by, m.created_at, m.expires_at`;

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invited_by: number | null;
  created_at: Date | string;
  expires_at: Date | string;
}

export function toInvitationResponse(row: InvitationRow): InvitationResponseDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invited_by: row.invited_by,
    created_at: new Date(row.created_at).toISOString(),
    expires_at: new Date(row.expires_at).toISOString(),
  };
}

export function invitationOf(membership: Membership): InvitationResponseDto {
  return toInvitationResponse({
    id: membership.invitationId!,
    email: membership.email!,
    role: membership.role,
    invited_by: membership.invitedBy,
    created_at: membership.createdAt,
    expires_at: membership.expiresAt!,
  });
}
