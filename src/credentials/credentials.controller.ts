import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import { Public } from '../common/public.decorator.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { InvalidOAuthStateError } from '../infrastructure/security/oauth-state.store.js';
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
import {
  CredentialAccountMismatchError,
  CredentialAlreadyLinkedError,
  CredentialNotFoundError,
  InvalidSignedRequestError,
} from './credentials.errors.js';
import { AuthorizationCodeRequestDto } from './dto/authorization-code.request.dto.js';
import {
  AuthorizationResponseDto,
  CallbackAcknowledgedDto,
  CredentialResponseDto,
  DataDeletionResponseDto,
  DataDeletionStatusResponseDto,
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
  @ApiOperation({
    operationId: 'startCredentialAuthorization',
    summary: 'Start linking (or re-linking) a Facebook account: a single-use state and the Facebook dialog URL',
    description:
      'Send the person to `dialog_url`; Facebook returns them to FACEBOOK_LINK_REDIRECT_URI with a code and the state, which POST (link) or PUT (re-link) exchange within ten minutes. No body links a new account; `credential_id` re-links that credential.',
  })
  @ApiBody({ type: StartAuthorizationRequestDto, required: false })
  @ApiCreatedResponse({
    type: AuthorizationResponseDto,
    headers: {
      'Cache-Control': { description: 'no-store: the answer holds a secret shown once', schema: { type: 'string', enum: ['no-store'] } },
    },
  })
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
  @ApiOperation({
    summary: 'Link a Facebook account with the code and state Facebook returned; the token is stored encrypted',
    description:
      'Exchanges the code for a long-lived Facebook token, encrypted at rest and never returned. The state must come from POST .../credentials/authorize for this organization.',
  })
  @ApiCreatedResponse({ type: CredentialResponseDto })
  @ApiErrors(
    400,
    401,
    403,
    404,
    409,
    413,
    422,
    502,
    503,
    new InvalidOAuthStateError('The OAuth state was issued for another organization; start the authorization again'),
    new CredentialAlreadyLinkedError(),
  )
  link(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) organizationId: string,
    @Body() body: AuthorizationCodeRequestDto,
  ): Promise<CredentialResponseDto> {
    return this.commandBus.execute(new LinkCredentialCommand(principal, organizationId, body.code, body.state));
  }

  @Get(CREDENTIALS)
  @ApiOperation({
    summary: "The organization's credentials, paged",
    description: 'Members and tokens with read see every credential, active or revoked, without its Facebook token.',
  })
  @ApiOkResponse({
    type: [CredentialResponseDto],
    headers: { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } },
  })
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
  @ApiOperation({ summary: 'One credential', description: 'Its Facebook account, status and scopes; never its token.' })
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
  @ApiOperation({
    summary: 'Re-link a credential with a fresh code and state (same Facebook account only)',
    description: 'Replaces the stored token of a revoked or expiring credential; a code for another Facebook account answers 409.',
  })
  @ApiOkResponse({ type: CredentialResponseDto })
  @ApiErrors(
    400,
    401,
    403,
    404,
    409,
    413,
    502,
    503,
    new InvalidOAuthStateError('The OAuth state was issued for another organization; start the authorization again'),
    new CredentialAccountMismatchError(),
  )
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
  @ApiOperation({
    summary: 'Unlink a credential: its token is erased and the app revoked at Facebook (best effort, retried)',
    description: 'Needs delete permission for a token. The answer is the credential as it was when unlinked.',
  })
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
  @ApiOperation({
    operationId: 'deauthorizeFacebookUser',
    summary: "Facebook's deauthorize callback: that person's credentials become revoked (signed_request)",
    description: 'Called by Facebook when a person removes the app; the signed_request is verified with the app secret.',
  })
  @ApiOkResponse({ type: CallbackAcknowledgedDto })
  @ApiErrors(400, 413, 503, new InvalidSignedRequestError('bad signature'))
  deauthorize(@Body() body: SignedRequestRequestDto, @Req() request: FastifyRequest): Promise<CallbackAcknowledgedDto> {
    return this.commandBus.execute(new DeauthorizeFacebookUserCommand(body.signed_request, request.id));
  }

  @Public()
  @RateLimitByAddress()
  @Post('facebook/data-deletion')
  @HttpCode(200)
  @ApiTags('facebook')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: "Facebook's data deletion callback: erases that person's tokens and data (signed_request)",
    description:
      'Called by Facebook when a person asks for their data to be deleted; answers the status URL and confirmation code Facebook shows them.',
  })
  @ApiOkResponse({ type: DataDeletionResponseDto })
  @ApiErrors(400, 413, 503, new InvalidSignedRequestError('bad signature'))
  requestDataDeletion(@Body() body: SignedRequestRequestDto, @Req() request: FastifyRequest): Promise<DataDeletionResponseDto> {
    return this.commandBus.execute(new RequestDataDeletionCommand(body.signed_request, request.id));
  }

  @Public()
  @RateLimitByAddress()
  @Get('facebook/data-deletion/:code')
  @ApiTags('facebook')
  @ApiOperation({
    operationId: 'getDataDeletionStatus',
    summary: 'Status of a data deletion request, by its confirmation code',
    description: 'The page Facebook links the person to; public, the confirmation code is the only key.',
  })
  @ApiOkResponse({ type: DataDeletionStatusResponseDto })
  @ApiErrors(404, 503)
  dataDeletionStatus(@Param('code') code: string): Promise<DataDeletionStatusResponseDto> {
    return this.queryBus.execute(new GetDataDeletionStatusQuery(code));
  }
}
