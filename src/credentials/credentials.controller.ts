import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { Public } from '../auth/public.decorator.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { PageQueryDto, sendPage } from '../infrastructure/http/paging.js';
import { intParam, uuidParam } from '../infrastructure/http/params.js';
import { RateLimitByAddress } from '../infrastructure/http/rate-limit.decorator.js';
import { DeauthorizeFacebookUserCommand } from './commands/deauthorize-facebook-user/deauthorize-facebook-user.command.js';
import { LinkCredentialCommand } from './commands/link-credential/link-credential.command.js';
import { RelinkCredentialCommand } from './commands/relink-credential/relink-credential.command.js';
import { RequestDataDeletionCommand } from './commands/request-data-deletion/request-data-deletion.command.js';
import { StartAuthorizationCommand } from './commands/start-authorization/start-authorization.command.js';
import { StartAuthorizationRequestDto } from './commands/start-authorization/start-authorization.request.dto.js';
import { UnlinkCredentialCommand } from './commands/unlink-credential/unlink-credential.command.js';
import { CredentialNotFoundError } from './credentials.errors.js';
import { AuthorizationCodeRequestDto } from './dto/authorization-code.request.dto.js';
import {
  AuthorizationResponseDto, CallbackAcknowledgedDto, CredentialResponseDto, DataDeletionResponseDto, DataDeletionStatusResponseDto,
} from './dto/credential.response.dto.js';
import { SignedRequestRequestDto } from './dto/signed-request.request.dto.js';
import { FacebookConfiguredGuard } from './facebook/facebook-configured.guard.js';
import { GetCredentialQuery } from './queries/get-credential/get-credential.query.js';
import { GetDataDeletionStatusQuery } from './queries/get-data-deletion-status/get-data-deletion-status.query.js';
import { ListCredentialsQuery } from './queries/list-credentials/list-credentials.query.js';

const CREDENTIALS = 'organizations/:id/credentials';
const ONE_CREDENTIAL = `${CREDENTIALS}/:credentialId`;
const MAX_ID = 2_147_483_647;

/** An integer that cannot be a credential id (out of the column's range) is simply not found. */
function credentialId(id: number): number {
  if (id < 1 || id > MAX_ID) throw new CredentialNotFoundError();
  return id;
}

/** Facebook accounts linked to an organization, and Facebook's platform callbacks about them. */
@ApiTags('credentials')
@UseGuards(FacebookConfiguredGuard)
@Controller()
export class CredentialsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(`${CREDENTIALS}/authorize`)
  // The state is a bearer secret for ten minutes: no cache, and no Idempotency-Key replay, keeps it.
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start linking (or re-linking) a Facebook account: a single-use state and the Facebook dialog URL' })
  @ApiCreatedResponse({ type: AuthorizationResponseDto })
  @ApiErrors(400, 401, 403, 404, 503)
  authorize(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() body: StartAuthorizationRequestDto,
  ): Promise<AuthorizationResponseDto> {
    const id = body?.credential_id;
    return this.commandBus.execute(new StartAuthorizationCommand(principal, organizationId, id === undefined ? null : credentialId(id)));
  }

  @Post(CREDENTIALS)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Link a Facebook account with the code and state Facebook returned; the token is stored encrypted' })
  @ApiCreatedResponse({ type: CredentialResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, 502, 503)
  link(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() body: AuthorizationCodeRequestDto,
  ): Promise<CredentialResponseDto> {
    return this.commandBus.execute(new LinkCredentialCommand(principal, organizationId, body.code, body.state));
  }

  @Get(CREDENTIALS)
  @ApiBearerAuth()
  @ApiOperation({ summary: "The organization's credentials, paged" })
  @ApiOkResponse({ type: [CredentialResponseDto], headers: { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } } })
  @ApiErrors(400, 401, 403, 404, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CredentialResponseDto[]> {
    const result = await this.queryBus.execute(new ListCredentialsQuery(principal, organizationId, page.per, page.cursor));
    return sendPage(request, reply, result, page.per);
  }

  @Get(ONE_CREDENTIAL)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One credential' })
  @ApiOkResponse({ type: CredentialResponseDto })
  @ApiErrors(400, 401, 403, 404, 503)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('credentialId', intParam('credentialId')) id: number,
  ): Promise<CredentialResponseDto> {
    return this.queryBus.execute(new GetCredentialQuery(principal, organizationId, credentialId(id)));
  }

  @Put(ONE_CREDENTIAL)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Re-link a credential with a fresh code and state (same Facebook account only)' })
  @ApiOkResponse({ type: CredentialResponseDto })
  @ApiErrors(400, 401, 403, 404, 409, 413, 502, 503)
  relink(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('credentialId', intParam('credentialId')) id: number,
    @Body() body: AuthorizationCodeRequestDto,
  ): Promise<CredentialResponseDto> {
    return this.commandBus.execute(new RelinkCredentialCommand(principal, organizationId, credentialId(id), body.code, body.state));
  }

  @Delete(ONE_CREDENTIAL)
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Unlink a credential: its token is erased and the app revoked at Facebook (best effort, retried)' })
  @ApiOkResponse({ type: CredentialResponseDto, description: 'The credential as it was when unlinked' })
  @ApiErrors(400, 401, 403, 404, 503)
  unlink(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Param('credentialId', intParam('credentialId')) id: number,
  ): Promise<CredentialResponseDto> {
    return this.commandBus.execute(new UnlinkCredentialCommand(principal, organizationId, credentialId(id)));
  }

  @Public()
  @RateLimitByAddress()
  @Post('facebook/deauthorize')
  @HttpCode(200)
  @ApiTags('facebook')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: "Facebook's deauthorize callback: that person's credentials become revoked (signed_request)" })
  @ApiOkResponse({ type: CallbackAcknowledgedDto })
  @ApiErrors(400, 413, 503)
  deauthorize(@Body() body: SignedRequestRequestDto, @Req() request: FastifyRequest): Promise<CallbackAcknowledgedDto> {
    return this.commandBus.execute(new DeauthorizeFacebookUserCommand(body.signed_request, request.id));
  }

  @Public()
  @RateLimitByAddress()
  @Post('facebook/data-deletion')
  @HttpCode(200)
  @ApiTags('facebook')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: "Facebook's data deletion callback: erases that person's tokens and data (signed_request)" })
  @ApiOkResponse({ type: DataDeletionResponseDto })
  @ApiErrors(400, 413, 503)
  requestDataDeletion(@Body() body: SignedRequestRequestDto, @Req() request: FastifyRequest): Promise<DataDeletionResponseDto> {
    return this.commandBus.execute(new RequestDataDeletionCommand(body.signed_request, request.id));
  }

  @Public()
  @RateLimitByAddress()
  @Get('facebook/data-deletion/:code')
  @ApiTags('facebook')
  @ApiOperation({ summary: 'Status of a data deletion request, by its confirmation code' })
  @ApiOkResponse({ type: DataDeletionStatusResponseDto })
  @ApiErrors(404, 503)
  dataDeletionStatus(@Param('code') code: string): Promise<DataDeletionStatusResponseDto> {
    return this.queryBus.execute(new GetDataDeletionStatusQuery(code));
  }
}
