import { Module } from '@nestjs/common';
import { PendingMemberships } from './activate-pending-memberships.js';
import { MemberErasure } from './member-erasure.js';

/**
 * The pieces of the organizations module that the auth module uses: taking up invitations when an
 * account appears, forgetting the email on memberships when it is anonymized. Kept apart from
 * OrganizationsModule so the CLI gets them alone.
 */
@Module({
  providers: [PendingMemberships, MemberErasure],
  exports: [PendingMemberships, MemberErasure],
})
export class PendingMembershipsModule {}
