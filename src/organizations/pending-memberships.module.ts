import { Module } from '@nestjs/common';
import { PendingMemberships } from './activate-pending-memberships.js';

/**
 * The one piece of the organizations module that the auth module uses: taking up invitations
 * when an account appears. Kept apart from OrganizationsModule so the CLI gets it alone.
 */
@Module({
  providers: [PendingMemberships],
  exports: [PendingMemberships],
})
export class PendingMembershipsModule {}
