import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { PageQueryDto, sendPage } from '../infrastructure/http/paging.js';
import { intParam, uuidParam, versionsFromIfMatch } from '../infrastructure/http/params.js';
import { AdminOnlyFieldError, AlreadyMemberError, LastOwnerError, OwnerRequiredError } from './organizations.errors.js';
import { AddMemberCommand } from './commands/add-member/add-member.command.js';
import { AddMemberRequestDto } from './commands/add-member/add-member.request.dto.js';
import { ChangeInvitationRoleCommand } from './commands/change-invitation-role/change-invitation-role.command.js';
import { ChangeInvitationRoleRequestDto } from './commands/change-invitation-role/change-invitation-role.request.dto.js';
import { ChangeMemberRoleCommand } from './commands/change-member-role/change-member-role.command.js';
import { ChangeMemberRoleRequestDto } from './commands/change-member-role/change-member-role.request.dto.js';
import { CreateOrganizationCommand } from './commands/create-organization/create-organization.command.js';
import { CreateOrganizationRequestDto } from './commands/create-organization/create-organization.request.dto.js';
import { DeleteOrganizationCommand } from './commands/delete-organization/delete-organization.command.js';
import { RemoveMemberCommand } from './commands/remove-member/remove-member.command.js';
import { RevokeInvitationCommand } from './commands/revoke-invitation/revoke-invitation.command.js';
import { UpdateOrganizationCommand } from './commands/update-organization/update-organization.command.js';
import { toOrganizationChanges, UpdateOrganizationRequestDto } from './commands/update-organization/update-organization.request.dto.js';
import { InvitationResponseDto } from './dto/invitation.response.dto.js';
import { MemberResponseDto } from './dto/member.response.dto.js';
import { OrganizationIdResponseDto, OrganizationResponseDto } from './dto/organization.response.dto.js';
import { GetOrganizationQuery } from './queries/get-organization/get-organization.query.js';
import { ListInvitationsQuery } from './queries/list-invitations/list-invitations.query.js';
import { ListMembersQuery } from './queries/list-members/list-members.query.js';
import { ListOrganizationsQuery } from './queries/list-organizations/list-organizations.query.js';

const PAGE_HEADERS = { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } };

/** What Swagger UI sends when tried out: fields an owner may change, with values that validate. */
const UPDATE_EXAMPLES = {
  owner: {
    summary: 'An owner or admin updates the profile',
    value: {
      name: 'Acme Auto Parts',
      bio: 'Since 1994',
      website_url: 'https://www.example.com',
      contact_email: 'hello@example.com',
      photo_url: 'https://cdn.example.com/logo.png',
      city: 'Bloomington',
      state_or_province: 'Minnesota',
      country: 'United States',
      currency: 'USD',
    },
  },
  platformAdmin: { summary: 'A platform admin marks it verified', value: { verified: true } },
};

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an organization; the caller becomes its owner',
    description:
      'Only a signed-in user creates organizations, never an authorization token. The answer holds the new id; GET it for the full profile and its ETag.',
  })
  @ApiCreatedResponse({ type: OrganizationIdResponseDto })
  @ApiErrors(400, 401, 403, 413, 422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationRequestDto): Promise<OrganizationIdResponseDto> {
    return this.commandBus.execute(new CreateOrganizationCommand(principal, body));
  }

  @Get()
  @ApiOperation({
    summary: "The caller's organizations (all of them for platform admins), paged",
    description:
      'Pages follow the `Link` header (rel="next"); `X-Total-Count` counts them all. An authorization token sees its own organization only.',
  })
  @ApiOkResponse({ type: [OrganizationResponseDto], headers: PAGE_HEADERS })
  @ApiErrors(400, 401)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationResponseDto[]> {
    const result = await this.queryBus.execute(new ListOrganizationsQuery(principal, page.per, page.cursor));
    return sendPage(request, reply, result, page.per);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One organization, with its ETag',
    description:
      'Send the ETag back in If-None-Match to get 304 with no body while it has not changed, or in If-Match on PUT to avoid lost updates.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from a previous GET; unchanged: 304 with no body' })
  @ApiResponse({
    status: 304,
    description: 'Not modified since the ETag in If-None-Match',
    headers: { ETag: { schema: { type: 'string' } } },
  })
  @ApiOkResponse({ type: OrganizationResponseDto, headers: { ETag: { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationResponseDto | undefined> {
    const { organization, etag } = await this.queryBus.execute(new GetOrganizationQuery(principal, id));
    reply.header('ETag', etag);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
      reply.status(304);
      return undefined;
    }
    return organization;
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Update any subset of the profile; send If-Match to avoid lost updates',
    description:
      'Owners and admins (or a token with write) change any profile field; `verified` and `verified_at` are for platform admins only (403 otherwise). Absent fields keep their value, null clears one.',
  })
  @ApiBody({ type: UpdateOrganizationRequestDto, examples: UPDATE_EXAMPLES })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from GET; a stale one answers 412' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(400, 401, 403, 404, 412, 413, new AdminOnlyFieldError())
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: UpdateOrganizationRequestDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationResponseDto> {
    const { organization, etag } = await this.commandBus.execute(
      new UpdateOrganizationCommand(principal, id, toOrganizationChanges(body), versionsFromIfMatch(ifMatch)),
    );
    reply.header('ETag', etag);
    return organization;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an organization (owners, in a user session; never an authorization token)',
    description:
      'Deletes its memberships, invitations and authorization tokens and unlinks its credentials (their Facebook tokens are erased). Cannot be undone.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.commandBus.execute(new DeleteOrganizationCommand(principal, id));
  }

  @Get(':id/members')
  @ApiOperation({
    summary: 'Members of an organization, active and pending, paged (members, or a token with read)',
    description: 'Active members carry their user id; pending ones (invited, not yet signed in) carry null and their email.',
  })
  @ApiOkResponse({ type: [MemberResponseDto], headers: PAGE_HEADERS })
  @ApiErrors(400, 401, 403, 404)
  async listMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberResponseDto[]> {
    const result = await this.queryBus.execute(new ListMembersQuery(principal, id, page.per, page.cursor));
    return sendPage(request, reply, result, page.per);
  }

  @Post(':id/members')
  @ApiOperation({
    summary: 'Add a member by email; only owners add owners',
    description:
      'A person who has signed in before becomes an active member at once; anyone else gets a pending invitation, activated when that email first signs in and expiring after INVITATION_TTL_DAYS.',
  })
  @ApiCreatedResponse({ type: MemberResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, new OwnerRequiredError(), new AlreadyMemberError())
  addMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddMemberRequestDto,
  ): Promise<MemberResponseDto> {
    return this.commandBus.execute(new AddMemberCommand(principal, id, body.email, body.role));
  }

  @Patch(':id/members/:userId')
  @ApiOperation({
    summary: "Change a member's role",
    description:
      'Owners and admins change roles; only owners promote to owner or change an owner, and the last owner cannot be demoted (409). Tokens the member issued are revoked when they become a plain member.',
  })
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, new OwnerRequiredError(), new LastOwnerError())
  changeMemberRole(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', intParam('userId')) userId: number,
    @Body() body: ChangeMemberRoleRequestDto,
  ): Promise<MemberResponseDto> {
    return this.commandBus.execute(new ChangeMemberRoleCommand(principal, id, userId, body.role));
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a member, or leave',
    description:
      'Owners and admins remove members (only owners remove owners); any member may remove themselves. The last owner cannot be removed (409).',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409, new OwnerRequiredError(), new LastOwnerError())
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', intParam('userId')) userId: number,
  ): Promise<void> {
    await this.commandBus.execute(new RemoveMemberCommand(principal, id, userId));
  }

  @Get(':id/invitations')
  @ApiOperation({
    summary: 'Open invitations (pending, not expired), paged',
    description: 'For owners and admins in a user session; authorization tokens cannot list invitations.',
  })
  @ApiOkResponse({ type: [InvitationResponseDto], headers: PAGE_HEADERS })
  @ApiErrors(400, 401, 403, 404)
  async listInvitations(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvitationResponseDto[]> {
    const result = await this.queryBus.execute(new ListInvitationsQuery(principal, id, page.per, page.cursor));
    return sendPage(request, reply, result, page.per);
  }

  @Patch(':id/invitations/:invitationId')
  @ApiOperation({
    summary: "Change an invitation's role",
    description: 'Owners and admins change the role the invited person will get; only owners change an owner invitation or make one.',
  })
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiErrors(400, 401, 403, 404)
  changeInvitationRole(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
    @Body() body: ChangeInvitationRoleRequestDto,
  ): Promise<InvitationResponseDto> {
    return this.commandBus.execute(new ChangeInvitationRoleCommand(principal, id, invitationId, body.role));
  }

  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an invitation',
    description:
      'The invited email will not join on its next sign-in. Owners and admins revoke invitations; only owners revoke an owner invitation.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async revokeInvitation(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('invitationId', uuidParam('invitationId')) invitationId: string,
  ): Promise<void> {
    await this.commandBus.execute(new RevokeInvitationCommand(principal, id, invitationId));
  }
}
