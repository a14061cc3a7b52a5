import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../common/principal.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { ExpiryInPastError, TokenLimitError } from './tokens.errors.js';
import { PageQueryDto, sendPage } from '../infrastructure/http/paging.js';
import { uuidParam } from '../infrastructure/http/params.js';
import { IssueTokenCommand } from './commands/issue-token/issue-token.command.js';
import { IssueTokenRequestDto, toTokenGrant } from './commands/issue-token/issue-token.request.dto.js';
import { RevokeTokenCommand } from './commands/revoke-token/revoke-token.command.js';
import { AuthorizationTokenResponseDto, IssuedAuthorizationTokenResponseDto } from './dto/authorization-token.response.dto.js';
import { ListTokensQuery } from './queries/list-tokens/list-tokens.query.js';

@ApiTags('authorization tokens')
@Controller('organizations/:id/authorization_tokens')
export class TokensController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  // The answer holds a secret: no cache keeps it, and an Idempotency-Key retry cannot replay it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'issueAuthorizationToken',
    summary: 'Issue an authorization token (owners, admins; at most 100 active); the token is in this answer only',
    description:
      'Owners and admins in a user session issue tokens with read, write and delete permissions and an optional expiry. Only a hash is kept: the token cannot be shown again, and an Idempotency-Key retry answers 409 instead of replaying it.',
  })
  @ApiCreatedResponse({
    type: IssuedAuthorizationTokenResponseDto,
    headers: {
      'Cache-Control': { description: 'no-store: the answer holds a secret shown once', schema: { type: 'string', enum: ['no-store'] } },
    },
  })
  @ApiErrors(400, 401, 403, 404, 409, 413, 422, new ExpiryInPastError(), new TokenLimitError(100))
  issue(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: IssueTokenRequestDto,
  ): Promise<IssuedAuthorizationTokenResponseDto> {
    return this.commandBus.execute(new IssueTokenCommand(principal, id, toTokenGrant(body)));
  }

  @Get()
  @ApiOperation({
    operationId: 'listAuthorizationTokens',
    summary: "The organization's tokens that are not revoked, with their last 4 characters only, paged",
    description: 'For owners and admins in a user session; expired tokens are listed until revoked.',
  })
  @ApiOkResponse({
    type: [AuthorizationTokenResponseDto],
    headers: { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 403, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() page: PageQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthorizationTokenResponseDto[]> {
    const result = await this.queryBus.execute(new ListTokensQuery(principal, id, page.per, page.cursor));
    return sendPage(request, reply, result, page.per);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'revokeAuthorizationToken',
    summary: 'Revoke a token (owners, admins); it stops working at once',
    description: 'The next request with that token answers 401. Revoking is final: issue a new token to replace it.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404)
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Param('tokenId', uuidParam('tokenId')) tokenId: string,
  ): Promise<void> {
    await this.commandBus.execute(new RevokeTokenCommand(principal, id, tokenId));
  }
}
