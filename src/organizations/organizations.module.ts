import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AddMemberHandler } from './commands/add-member/add-member.handler.js';
import { ChangeInvitationRoleHandler } from './commands/change-invitation-role/change-invitation-role.handler.js';
import { ChangeMemberRoleHandler } from './commands/change-member-role/change-member-role.handler.js';
import { CreateOrganizationHandler } from './commands/create-organization/create-organization.handler.js';
import { DeleteOrganizationHandler } from './commands/delete-organization/delete-organization.handler.js';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler.js';
import { RevokeInvitationHandler } from './commands/revoke-invitation/revoke-invitation.handler.js';
import { UpdateOrganizationHandler } from './commands/update-organization/update-organization.handler.js';
import { Membership } from './domain/membership.entity.js';
import { Organization } from './domain/organization.entity.js';
import { InvitationExpiryJob } from './invitation-expiry.job.js';
import { MembershipChangeHooks } from './membership-change.hooks.js';
import { OrganizationDeletionHooks } from './organization-deletion.hooks.js';
import { OrganizationsController } from './organizations.controller.js';
import { WebhookUrlHooks } from './webhook-url.hooks.js';
import { GetOrganizationHandler } from './queries/get-organization/get-organization.handler.js';
import { ListInvitationsHandler } from './queries/list-invitations/list-invitations.handler.js';
import { ListMembersHandler } from './queries/list-members/list-members.handler.js';
import { ListOrganizationsHandler } from './queries/list-organizations/list-organizations.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, Membership])],
  controllers: [OrganizationsController],
  providers: [
    CreateOrganizationHandler,
    UpdateOrganizationHandler,
    DeleteOrganizationHandler,
    GetOrganizationHandler,
    ListOrganizationsHandler,
    AddMemberHandler,
    ChangeMemberRoleHandler,
    RemoveMemberHandler,
    ListMembersHandler,
    ListInvitationsHandler,
    ChangeInvitationRoleHandler,
    RevokeInvitationHandler,
    InvitationExpiryJob,
    OrganizationDeletionHooks,
    MembershipChangeHooks,
    WebhookUrlHooks,
  ],
  exports: [OrganizationDeletionHooks, MembershipChangeHooks, WebhookUrlHooks],
})
export class OrganizationsModule {}
