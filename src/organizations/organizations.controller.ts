import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { PageQueryDto, sendPage } from '../infrastructure/http/paging.js';
import { intParam, uuidParam, versionsFromIfMatch } from '../infrastructure/http/params.js';
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

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an organization; the caller becomes its owner' })
  @ApiCreatedResponse({ type: OrganizationIdResponseDto })
  @ApiErrors(400, 401, 403, 413, 422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganizationRequestDto): Promise<OrganizationIdResponseDto> {
    return this.commandBus.execute(new CreateOrganizationCommand(principal, body));
  }

  @Get()
  @ApiOperation({ summary: "The caller's organizations (all of them for platform admins), paged" })
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
  @ApiOperation({ summary: 'One organization, with its ETag' })
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
  @ApiOperation({ summary: 'Update any subset of the profile; send If-Match to avoid lost updates' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from GET; a stale one answers 412' })
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(400, 401, 403, 404, 412, 413)
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
  @ApiOperation({ summary: 'Delete an organization (owners, in a user session; never an authorization token)' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.commandBus.execute(new DeleteOrganizationCommand(principal, id));
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members of an organization, active and pending, paged (members, or a token with read)' })
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
    summary: 'Add a member by email (a pending invitation until that email first signs in, expiring after INVITATION_TTL_DAYS); only owners add owners',
  })
  @ApiCreatedResponse({ type: MemberResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422)
  addMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddMemberRequestDto,
  ): Promise<MemberResponseDto> {
    return this.commandBus.execute(new AddMemberCommand(principal, id, body.email, body.role));
  }

  @Patch(':id/members/:userId')
  @ApiOperation({ summary: "Change a member's role; admins cannot change owners, the last owner cannot be demoted" })
  @ApiOkResponse({ type: MemberResponseDto })
  @ApiErrors(400, 401, 403, 404, 409)
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
  @ApiOperation({ summary: 'Remove a member, or leave (any member may); the last owner cannot be removed' })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  async removeMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('userId', intParam('userId')) userId: number,
  ): Promise<void> {
    await this.commandBus.execute(new RemoveMemberCommand(principal, id, userId));
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: 'Open invitations (pending, not expired), paged (owners and admins; no token)' })
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
  @ApiOperation({ summary: "Change an invitation's role; only owners change an owner invitation or make one" })
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
  @ApiOperation({ summary: 'Revoke an invitation; only owners revoke an owner invitation' })
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
